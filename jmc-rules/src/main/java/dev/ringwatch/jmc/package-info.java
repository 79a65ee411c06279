/**
 * JDK Mission Control automated-analysis rules for ringwatch's JFR events: leaked SQPOLL rings, leaked rings,
 * leaked fixed-file slots, the kernel-side findings and ring pile-ups. Found by JMC through
 * {@code META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule} (the headless engine, and the
 * application through the {@code ruleProvider} extension of this bundle's plugin.xml).
 */
package dev.ringwatch.jmc;
