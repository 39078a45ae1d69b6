/**
 * The custom functions bundle Excel loads (dist/functions.js). Each imported file
 * holds the RETAIN.* wrappers of one area; CustomFunctionsMetadataPlugin reads their
 * JSDoc into functions.json and appends a CustomFunctions.associate call for each.
 * This file must load without a DOM: no window, no document, no Office.onReady.
 */
import "./metric-functions";
import "./cohort-functions";
import "./model-functions";
