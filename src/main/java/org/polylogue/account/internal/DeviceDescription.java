package org.polylogue.account.internal;

import java.util.Locale;

/**
 * A coarse description of the browser and system a person signed in with, such as "Firefox on
 * Windows", read from the User-Agent header. Only this summary is kept with the session: never the
 * header itself, never an IP address.
 */
public final class DeviceDescription {

    private DeviceDescription() {}

    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown browser";
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return browser(agent) + " on " + system(agent);
    }

    private static String browser(String agent) {
        if (agent.contains("edg/") || agent.contains("edge/")) {
            return "Edge";
        }
        if (agent.contains("opr/") || agent.contains("opera")) {
            return "Opera";
        }
        if (agent.contains("firefox/") || agent.contains("fxios/")) {
            return "Firefox";
        }
        if (agent.contains("chrome/") || agent.contains("chromium/") || agent.contains("crios/")) {
            return "Chrome";
        }
        if (agent.contains("safari/")) {
            return "Safari";
        }
        if (agent.contains("curl/") || agent.contains("java-http-client") || agent.contains("python")) {
            return "A script";
        }
        return "A browser";
    }

    private static String system(String agent) {
        if (agent.contains("android")) {
            return "Android";
        }
        if (agent.contains("iphone") || agent.contains("ipad") || agent.contains("ipod")) {
            return "iOS";
        }
        if (agent.contains("windows")) {
            return "Windows";
        }
        if (agent.contains("mac os") || agent.contains("macintosh")) {
            return "macOS";
        }
        if (agent.contains("cros")) {
            return "ChromeOS";
        }
        if (agent.contains("linux") || agent.contains("x11")) {
            return "Linux";
        }
        return "an unknown system";
    }
}
