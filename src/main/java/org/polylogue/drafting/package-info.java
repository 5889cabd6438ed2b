/** Draft documents: versions of a text whose paragraphs keep stable ids across versions. */
package org.polylogue.drafting;
