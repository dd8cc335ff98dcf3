// Encodes sentences with a tokenizer.json written by textvae, read by @huggingface/tokenizers (pure JavaScript, no
// TextVae code): a check that Hugging Face readers give TextVae's ids. Prints {"ids": [[...], ...]} as JSON.
// Usage: npm install --prefix bench/hf-tokenizer --no-save @huggingface/tokenizers@0.2.0
//        node bench/hf-tokenizer/encode.mjs tokenizer.json sentences.json   (a JSON array of strings)
// Version 0.2.0 has no WordLevel model: it reads one through its "Legacy" fallback (vocabulary lookup, the unknown
// token from the config argument, as transformers.js takes it from tokenizer_config.json). For a WordLevel file
// this also prints "wordpiece": the ids from the same file with the model read as WordPiece whose continuation
// prefix is a space, which no word token holds, so every word is either a whole vocabulary entry or unknown:
// WordLevel's rule, run by the library's own WordPiece code.
import { readFileSync } from 'node:fs'
import { Tokenizer } from '@huggingface/tokenizers'

const file = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const sentences = JSON.parse(readFileSync(process.argv[3], 'utf8'))
const encode = (json, config) => {
  const tokenizer = new Tokenizer(json, config)
  return sentences.map(sentence => tokenizer.encode(sentence, { add_special_tokens: false }).ids)
}

const result = { ids: encode(file, { unk_token: file.model.unk_token ?? undefined }) }
if (file.model.type === 'WordLevel') {
  const model = { ...file.model, type: 'WordPiece', continuing_subword_prefix: ' ', max_input_chars_per_word: Number.MAX_SAFE_INTEGER }
  result.wordpiece = encode({ ...file, model }, {})
}
console.log(JSON.stringify(result))
