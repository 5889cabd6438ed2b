package org.polylogue.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Fails closed: a handler is served only if it is marked {@link PublicEndpoint} or
 * {@link RequiresSignIn}, and the latter only to a signed-in person. Handlers of libraries (the
 * OpenAPI document, the error page) are outside {@code org.polylogue} and pass.
 */
class EndpointAccessInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Class<?> type = method.getBeanType();
        if (!type.getPackageName().startsWith("org.polylogue")) {
            return true;
        }
        if (method.hasMethodAnnotation(PublicEndpoint.class) || type.isAnnotationPresent(PublicEndpoint.class)) {
            return true;
        }
        if (method.hasMethodAnnotation(RequiresSignIn.class) || type.isAnnotationPresent(RequiresSignIn.class)) {
            if (ActorArgumentResolver.currentActor() == null) {
                throw new AuthenticationCredentialsNotFoundException("Sign in to do this.");
            }
            return true;
        }
        throw new IllegalStateException("Endpoint " + method + " is neither public nor checks a permission");
    }
}
