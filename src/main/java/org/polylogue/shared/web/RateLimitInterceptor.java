package org.polylogue.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RateLimit;
import org.polylogue.shared.security.RateLimited;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Spends the budgets a handler declares with {@link RateLimited}, after access was checked. */
class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimiter limiter;

    RateLimitInterceptor(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RateLimited limited = method.getMethodAnnotation(RateLimited.class);
        if (limited == null) {
            return true;
        }
        Actor actor = ActorArgumentResolver.currentActor();
        for (RateLimit limit : limited.value()) {
            String key = switch (limit.scope()) {
                case ACCOUNT -> actor != null ? "account " + actor.accountId()
                        : "address " + RateLimiter.addressKey(request.getRemoteAddr());
                case ADDRESS, KEY -> RateLimiter.addressKey(request.getRemoteAddr());
            };
            limiter.consume(limit, key);
        }
        return true;
    }
}
