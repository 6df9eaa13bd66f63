/**
 * What every feature shares: the embedded database, security, the page layout's model, error
 * pages, languages.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package de.stadtportal.platform;
