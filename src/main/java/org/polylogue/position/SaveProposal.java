package org.polylogue.position;

import io.swagger.v3.oas.annotations.media.Schema;

/** Creates or renames a named proposal; name 1 to 200 characters, description optional (at most 2000). */
@Schema(example = "{\"name\": \"Programme of action\", \"description\": \"A permanent, action-oriented mechanism after the OEWG.\"}")
public record SaveProposal(String name, String description) {}
