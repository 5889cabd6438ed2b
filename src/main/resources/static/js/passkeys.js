// Passkeys, as an enhancement: sign in with one on /sign-in, add one on /account/passkeys.
// Talks to Spring Security's WebAuthn endpoints with the page's CSRF token. Without JavaScript or
// without WebAuthn in the browser, the passkey parts stay hidden and the password form works as ever.
"use strict";

(() => {
  const supported = Boolean(window.PublicKeyCredential && navigator.credentials && window.fetch);

  function toBytes(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const binary = window.atob(base64 + "===".slice((base64.length + 3) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  }

  function toBase64url(buffer) {
    let binary = "";
    new Uint8Array(buffer).forEach((b) => { binary += String.fromCharCode(b); });
    return window.btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function csrfToken() {
    const input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : "";
  }

  async function postJson(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-TOKEN": csrfToken() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error("The server answered " + response.status + ".");
    }
    return response.json();
  }

  function isLocalPath(path) {
    if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//") || path.includes("\\")
        || /[\u0000-\u0020\u007f]/.test(path)) {
      return false;
    }
    try {
      return new URL(path, window.location.origin).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  function show(element, text) {
    element.textContent = text;
    element.hidden = false;
  }

  function describe(error) {
    if (error && error.name === "NotAllowedError") {
      return "The passkey request was cancelled or timed out. Please try again.";
    }
    if (error && error.name === "InvalidStateError") {
      return "This device already holds a passkey for your account.";
    }
    return "That did not work. Please try again, or use your password.";
  }

  async function signInWithPasskey() {
    const options = await postJson("/webauthn/authenticate/options");
    const publicKey = {
      ...options,
      challenge: toBytes(options.challenge),
      allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) })),
    };
    const credential = await navigator.credentials.get({ publicKey });
    const response = credential.response;
    const result = await postJson("/login/webauthn", {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: toBase64url(response.authenticatorData),
        clientDataJSON: toBase64url(response.clientDataJSON),
        signature: toBase64url(response.signature),
        userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined,
      },
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
    });
    if (!result || !result.authenticated) {
      throw new Error("The passkey was not accepted.");
    }
    const next = document.querySelector('input[name="continue"]');
    if (next && isLocalPath(next.value)) {
      return next.value;
    }
    return isLocalPath(result.redirectUrl) ? result.redirectUrl : "/";
  }

  async function addPasskey(label) {
    const options = await postJson("/webauthn/register/options");
    const publicKey = {
      ...options,
      challenge: toBytes(options.challenge),
      user: { ...options.user, id: toBytes(options.user.id) },
      excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) })),
    };
    const credential = await navigator.credentials.create({ publicKey });
    const response = credential.response;
    const result = await postJson("/webauthn/register", {
      publicKey: {
        label,
        credential: {
          id: credential.id,
          rawId: toBase64url(credential.rawId),
          type: credential.type,
          response: {
            attestationObject: toBase64url(response.attestationObject),
            clientDataJSON: toBase64url(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : [],
          },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment || undefined,
        },
      },
    });
    if (!result || !result.success) {
      throw new Error("The passkey was not saved.");
    }
  }

  function setUpSignIn(section) {
    const button = section.querySelector("#passkey-sign-in");
    const error = section.querySelector("#passkey-sign-in-error");
    section.hidden = false;
    button.addEventListener("click", async () => {
      error.hidden = true;
      button.disabled = true;
      try {
        window.location.assign(await signInWithPasskey());
      } catch (e) {
        show(error, describe(e));
        button.disabled = false;
      }
    });
  }

  function setUpRegistration(form) {
    const label = form.querySelector("#passkey-label");
    const labelError = form.querySelector("#passkey-label-error");
    const error = form.querySelector("#passkey-error");
    const status = form.querySelector("#passkey-status");
    const button = form.querySelector('button[type="submit"]');
    form.hidden = false;
    document.querySelectorAll("[data-passkey-unsupported]").forEach((e) => { e.hidden = true; });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      error.hidden = true;
      const name = label.value.trim();
      const invalid = name.length === 0;
      labelError.hidden = !invalid;
      label.setAttribute("aria-invalid", String(invalid));
      label.setAttribute("aria-describedby", invalid ? "passkey-label-hint passkey-label-error" : "passkey-label-hint");
      if (invalid) {
        label.focus();
        return;
      }
      button.disabled = true;
      status.textContent = "Follow your browser's prompt to create the passkey…";
      try {
        await addPasskey(name);
        window.location.assign("/account/passkeys?added");
      } catch (e) {
        status.textContent = "";
        show(error, describe(e));
        button.disabled = false;
      }
    });
  }

  if (!supported) {
    return;
  }
  const signIn = document.querySelector("[data-passkey-sign-in]");
  if (signIn) {
    setUpSignIn(signIn);
  }
  const registration = document.querySelector("[data-passkey-register]");
  if (registration) {
    setUpRegistration(registration);
  }
})();
