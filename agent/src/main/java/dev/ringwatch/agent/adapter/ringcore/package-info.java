/**
 * The ring-core adapter: the only agent code that knows ring-core's types. Its advice (woven into
 * ring-core at build time by {@code PreWeave}, or at run time by {@link
 * dev.ringwatch.agent.adapter.ringcore.RingCoreTransformer}) turns ring-core's calls into {@link
 * dev.ringwatch.agent.track.Hooks} calls; only the agent's start-up ({@code AgentRuntime}) calls in here.
 *
 * <h2>Adding a library</h2>
 * A second ring library (Netty's io_uring transport, say) is one more package beside this one:
 * <ol>
 *   <li>A transformer that picks the library's classes by name (a string check, nothing loaded) and
 *       weaves advice into its ring set-up and close; install it from {@code AgentRuntime}.</li>
 *   <li>At set-up, the advice builds one {@link dev.ringwatch.agent.model.RingFacts} with its library
 *       name ({@code RingFacts.NETTY}, ...), fd, setup flags raw and as names, SQ/CQ entries and owner
 *       class, and calls {@code Hooks.ringOpened(ring, facts, owner)}. A library without ring ids passes
 *       id 0: the tracker assigns one (from {@code Tracker.ASSIGNED_IDS} up) and returns it.
 *       The creation stack is captured by the tracker, below the frames {@code track.CreationStacks}
 *       counts as internal (ring-core, the agent: add the library's packages there).</li>
 *   <li>At close, {@code Hooks.ringClosing(id)} or, keeping no id, {@code Hooks.ringClosing(ringObject)}:
 *       both are idempotent. The thread that runs the ring (an event loop's) is named with
 *       {@code Hooks.ringOwnerThread(id, thread)}.</li>
 * </ol>
 * The advice never lets a Throwable out ({@code suppress = Throwable.class}) and allocates nothing
 * while {@code Hooks.active()} is false. The tracker, the rules and the sinks need no change: every
 * event, log line and report then names the library.
 */
package dev.ringwatch.agent.adapter.ringcore;
