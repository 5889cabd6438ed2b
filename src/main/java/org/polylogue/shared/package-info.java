/** What every module uses: ids, results and refusals, problem details, the page layout. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.polylogue.shared;
