// The relevance level last recorded (mean precision at k over LABELLED_QUERIES, see judge.ts).
// `npm test` fails below it. Raise it when the search gets better; never lower it to pass.
// 79 of 80 queries right: the one miss is the Chinese homophone slip 流莲 (no pinyin yet).
export const RECORDED_PRECISION = 0.9875;
