/** Organisations, their stakeholder group and country (with its UN regional group), and their people. */
package org.polylogue.stakeholder;
