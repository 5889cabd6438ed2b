package org.polylogue;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

/**
 * A virtual passkey authenticator in Chromium (DevTools protocol, WebAuthn domain), for browser tests
 * that add a passkey and sign in with it: CTAP2, built in ("internal"), holding resident keys, with
 * user verification that always succeeds. It belongs to one page (tab) and lives as long as it does,
 * across navigations. Usage: {@code var authenticator = PasskeyAuthenticator.addTo(page);}
 */
public final class PasskeyAuthenticator {

    private final CDPSession devTools;
    private final String id;

    private PasskeyAuthenticator(CDPSession devTools, String id) {
        this.devTools = devTools;
        this.id = id;
    }

    /** Adds a virtual authenticator to the page's browser tab. */
    public static PasskeyAuthenticator addTo(Page page) {
        CDPSession devTools = page.context().newCDPSession(page);
        devTools.send("WebAuthn.enable");
        var options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        var arguments = new JsonObject();
        arguments.add("options", options);
        String id = devTools.send("WebAuthn.addVirtualAuthenticator", arguments).get("authenticatorId").getAsString();
        return new PasskeyAuthenticator(devTools, id);
    }

    /** How many passkeys the authenticator holds. */
    public int credentialCount() {
        var arguments = new JsonObject();
        arguments.addProperty("authenticatorId", id);
        return devTools.send("WebAuthn.getCredentials", arguments).getAsJsonArray("credentials").size();
    }

    /** Makes the next user verifications fail (the person cancels or the fingerprint does not match) or succeed. */
    public void userVerifies(boolean verified) {
        var arguments = new JsonObject();
        arguments.addProperty("authenticatorId", id);
        arguments.addProperty("isUserVerified", verified);
        devTools.send("WebAuthn.setUserVerified", arguments);
    }

    /** Removes the authenticator (its passkeys are gone with it). */
    public void remove() {
        var arguments = new JsonObject();
        arguments.addProperty("authenticatorId", id);
        devTools.send("WebAuthn.removeVirtualAuthenticator", arguments);
    }
}
