'use strict';
// Slack request signatures judged by Slack's own SDK (@slack/bolt's isValidSlackRequest).
//   verify <vectors.json>          prints, per vector, whether Bolt accepts it
//   generate <count> <nowSeconds>  prints vectors signed here (v0 HMAC-SHA256, the documented recipe), some tampered,
//                                  each with Bolt's verdict, for the C# verifier to judge
// Every verdict is taken at the vector's own "now" (nowMilliseconds), so nothing depends on the clock.
const fs = require('node:fs');
const crypto = require('node:crypto');
const { isValidSlackRequest } = require('@slack/bolt');

function boltAccepts(v) {
  return isValidSlackRequest({
    signingSecret: v.secret,
    body: v.body,
    headers: { 'x-slack-signature': v.signature, 'x-slack-request-timestamp': Number(v.timestamp) },
    nowMilliseconds: v.nowSeconds * 1000,
    logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel() {}, setName() {} },
  });
}

function sign(secret, timestamp, body) {
  return 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

function randomText(length) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 =&%+_-.:/{}"ñé€😀';
  const chars = [...alphabet];
  let s = '';
  for (let i = 0; i < length; i++) s += chars[crypto.randomInt(chars.length)];
  return s;
}

function generate(count, nowSeconds) {
  const kinds = ['valid', 'valid', 'wrong-secret', 'changed-body', 'stale', 'changed-timestamp', 'truncated-signature'];
  const vectors = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const secret = crypto.randomBytes(16).toString('hex');
    const body = i % 3 === 0
      ? JSON.stringify({ type: 'event_callback', event: { type: 'app_mention', text: randomText(1 + crypto.randomInt(200)) } })
      : `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', text: randomText(crypto.randomInt(120)) }))}`;
    const timestamp = String(kind === 'stale' ? nowSeconds - 301 - crypto.randomInt(3600) : nowSeconds - crypto.randomInt(290));
    let signature = sign(kind === 'wrong-secret' ? secret + 'x' : secret, timestamp, body);
    let sentBody = body;
    let sentTimestamp = timestamp;
    if (kind === 'changed-body') sentBody = body + ' ';
    if (kind === 'changed-timestamp') sentTimestamp = String(Number(timestamp) - 1);
    if (kind === 'truncated-signature') signature = signature.slice(0, -2);
    const vector = { id: `node-${i}-${kind}`, kind, secret, timestamp: sentTimestamp, body: sentBody, signature, nowSeconds };
    vector.boltAccepts = boltAccepts(vector);
    vectors.push(vector);
  }
  return vectors;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'verify' && args.length === 1) {
  const vectors = JSON.parse(fs.readFileSync(args[0], 'utf8'));
  process.stdout.write(JSON.stringify(vectors.map(v => ({ id: v.id, boltAccepts: boltAccepts(v) }))));
} else if (command === 'generate' && args.length === 2) {
  process.stdout.write(JSON.stringify(generate(Number(args[0]), Number(args[1]))));
} else {
  console.error('usage: node slack-signatures.js verify <vectors.json> | generate <count> <nowSeconds>');
  process.exit(2);
}
