/** Processes and their consultations, whose windows the server enforces with its own clock. */
package org.polylogue.process;
