/**
 * The Netty adapter: weaves Netty's io_uring transport (4.2's {@code io.netty.channel.uring} and the incubator's
 * {@code io.netty.incubator.channel.uring}, also when shaded) with plain ASM and feeds the tracker through
 * {@code track.Hooks}. Only the JVM (woven Netty code) calls {@link dev.ringwatch.agent.adapter.netty.NettyHooks};
 * the agent's start-up installs {@link dev.ringwatch.agent.adapter.netty.NettyTransformer}.
 */
package dev.ringwatch.agent.adapter.netty;
