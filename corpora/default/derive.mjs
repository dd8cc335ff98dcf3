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

for (const split of ["train", "valid", "test"]) {
  const eligible = readFileSync(join(brown, `${split}.txt`), "utf8").split("\n").filter((sentence) => {
    const tokens = sentence.split(" ").filter((t) => t !== "");
    if (tokens.length < minTokens || tokens.length > maxTokens) return false;
    return tokens.filter((t) => /\p{L}/u.test(t)).length / tokens.length >= minWordShare;
  });
  writeFileSync(join(out, `${split}.txt`), eligible.join("\n") + "\n", "utf8");
  console.log(`${split}: ${eligible.length} sentences`);
}
