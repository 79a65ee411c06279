/**
 * The kernel's view of this process from /proc (SQPOLL threads, sockets used, open fds, ring fdinfo), so a sample shows
 * its effect without the agent. Used by the command packages.
 */
package dev.ringwatch.sample.proc;
