/**
 * The offline {@code report} command: reads a JFR recording and prints what leaked, where, and the kernel's
 * findings, as text or JSON. Only {@code dev.ringwatch.agent.Main} calls it; it never touches the running agent.
 */
package dev.ringwatch.agent.report;
