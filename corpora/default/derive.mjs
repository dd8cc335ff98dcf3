// Derives the small default corpus (quickstart and tests) from the Brown splits: short, mostly-word sentences.
// Usage: node corpora/default/derive.mjs corpora/brown corpora/default
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [brown, out] = process.argv.slice(2);
if (!brown || !out) {
  console.error("usage: node derive.mjs BROWN_DIR OUT_DIR");
  process.exit(2);
}

const minTokens = 4;
const maxTokens = 16;
const minWordShare = 0.7; // tokens containing a letter; keeps lists of numbers and formulas out

// Racial, ethnic and sexual slurs and epithets whose ordinary use is the insult. Words that are mainly something
// else (e.g. "crackers", "queer" as "strange", "spade", "savage", "kraut" as in sauerkraut, the names "Coons" and
// "Van Dyke") are not listed: the rule removes the insult, not the vocabulary. A sentence is dropped when any token,
// compared case-insensitively after removing a possessive "'s" or "'", or any hyphen-separated part of it, is in
// this list.
const slurs = new Set([
  "chink", "chinks", "darkey", "darkeys", "darkie", "darkies", "darky", "dago", "dagos", "faggot", "faggots",
  "gook", "gooks", "half-breed", "half-breeds", "halfbreed", "halfbreeds", "injun", "injuns", "jap", "japs",
  "kike", "kikes", "kikey", "krauts", "nigger", "niggers", "nigra", "nigras", "pickaninnies", "pickaninny", "redskin", "redskins", "sambo", "spic", "spics",
  "squaw", "squaws", "wetback", "wetbacks", "wop", "wops", "yid", "yids",
]);

function isSlur(token) {
  const word = token.toLowerCase().replace(/'s?$/u, "");
  return slurs.has(word) || word.split("-").some((part) => slurs.has(part));
}

for (const split of ["train", "valid", "test"]) {
  const eligible = readFileSync(join(brown, `${split}.txt`), "utf8").split("\n").filter((sentence) => {
    const tokens = sentence.split(" ").filter((t) => t !== "");
    if (tokens.length < minTokens || tokens.length > maxTokens) return false;
    if (tokens.some(isSlur)) return false;
    return tokens.filter((t) => /\p{L}/u.test(t)).length / tokens.length >= minWordShare;
  });
  writeFileSync(join(out, `${split}.txt`), eligible.join("\n") + "\n", "utf8");
  console.log(`${split}: ${eligible.length} sentences`);
}
