/**
 * The ring libraries' adapters (one subpackage each) and what their transformers share. Only the agent's
 * start-up and the adapters call in here.
 */
package dev.ringwatch.agent.adapter;
