/** Comments on consultations, paragraph by paragraph, from the platform and imported from mail or paper. */
package org.polylogue.contribution;
