package org.polylogue.position;

/** Creates or renames a named proposal; name 1 to 200 characters, description optional (at most 2000). */
public record SaveProposal(String name, String description) {}
