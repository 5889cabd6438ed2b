/**
 * The public accreditation log of each process: organisations request accreditation, member states
 * object (with or without a reason), the secretariat decides; every step stays public. Taking part
 * on the platform never depends on it.
 */
package org.polylogue.accreditation;
