package org.rentrecovery.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.rentrecovery.contract.DecisionAnswer;

/** Records a {@link Recorded} endpoint's answer, timed from the request, and returns it only once it is durable. */
@Recorded
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RecordingInterceptor {
    private final DecisionAudit audit;

    @Inject
    public RecordingInterceptor(DecisionAudit audit) {
        this.audit = audit;
    }

    @AroundInvoke
    Object record(InvocationContext call) throws Exception {
        long started = System.nanoTime();
        Object answer = call.proceed();
        Recorded recorded = call.getMethod().getAnnotation(Recorded.class);
        String endpoint = recorded == null || recorded.value().isEmpty() ? call.getMethod().getName() : recorded.value();
        if (!(answer instanceof DecisionAnswer decision) || !(call.getParameters()[0] instanceof byte[] body)) {
            throw new IllegalStateException(call.getMethod() + " is marked @Recorded but does not take a body and answer a decision");
        }
        audit.record(endpoint, body, decision, started);
        return answer;
    }
}
