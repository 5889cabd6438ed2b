/** Demo content for a fresh local installation: a process, two consultations, organisations, comments. */
package org.polylogue.demo;
