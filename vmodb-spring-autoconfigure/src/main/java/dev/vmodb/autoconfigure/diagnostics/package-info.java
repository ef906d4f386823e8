/**
 * Start-up failure analysis: vMODB's start-up failures as Boot's "APPLICATION FAILED TO START" description and action.
 */
package dev.vmodb.autoconfigure.diagnostics;
