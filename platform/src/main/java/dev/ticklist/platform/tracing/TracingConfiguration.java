package dev.ticklist.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Events carry the trace of the work that published them; without a tracer, none. */
@AutoConfiguration
public class TracingConfiguration {

    @Bean
    EventTraces eventTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTraces(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
