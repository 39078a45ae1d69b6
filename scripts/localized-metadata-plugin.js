/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Builds functions-<locale>.json beside functions.json. The files in
 * src/functions/locales/<locale>/ (one per area: metrics.json, cohort.json, …) map a function id to its translated name,
 * description and parameter descriptions; ids, parameter names, types and options
 * are copied from the generated functions.json so they can never drift apart.
 * A function or parameter missing from a locale file fails the build.
 */
const fs = require("fs");
const path = require("path");
const { sources, WebpackError } = require("webpack");

class LocalizedMetadataPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL + 1 },
        () => {
          const asset = compilation.getAsset(this.options.source);
          if (!asset) return;
          const metadata = JSON.parse(asset.source.source().toString());
          for (const locale of this.options.locales) {
            const dir = path.join(this.options.dir, locale);
            compilation.contextDependencies.add(dir);
            try {
              const translations = readTranslations(dir);
              const localized = localize(metadata, translations, locale);
              compilation.emitAsset(`functions-${locale}.json`, new sources.RawSource(JSON.stringify(localized, null, 2)));
            } catch (error) {
              compilation.errors.push(new WebpackError(`functions-${locale}.json: ${error.message}`));
            }
          }
        },
      );
    });
  }
}

/** Merges every <area>.json of one locale folder; an id defined twice is an error. */
function readTranslations(dir) {
  const merged = {};
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];
  for (const file of files) {
    const part = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    for (const [id, entry] of Object.entries(part)) {
      if (merged[id]) throw new Error(`${id} is translated twice (again in ${file})`);
      merged[id] = entry;
    }
  }
  return merged;
}

function localize(metadata, translations, locale) {
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => {
      const t = translations[fn.id];
      if (!t) throw new Error(`locales/${locale} has no entry for ${fn.id}`);
      const parameters = (fn.parameters || []).map((p) => {
        const description = t.parameters && t.parameters[p.name];
        if (!description) throw new Error(`locales/${locale} has no description for ${fn.id} parameter ${p.name}`);
        return { ...p, description };
      });
      const extra = Object.keys(t.parameters || {}).filter((name) => !(fn.parameters || []).some((p) => p.name === name));
      if (extra.length) throw new Error(`locales/${locale} names unknown parameters of ${fn.id}: ${extra.join(", ")}`);
      return { ...fn, name: t.name || fn.name, description: t.description, parameters };
    }),
  };
}

module.exports = LocalizedMetadataPlugin;
module.exports.localize = localize;
module.exports.readTranslations = readTranslations;
