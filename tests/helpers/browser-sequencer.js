// Browser tests run in one Jest process against one admin build; `first-run` runs the README's
// `npm run develop`, which rebuilds dist/ without that build, so it always runs last.
const Sequencer = require('@jest/test-sequencer').default;

class BrowserSequencer extends Sequencer {
  sort(tests) {
    const last = (test) => (/first-run\.browser\.test\.js$/.test(test.path) ? 1 : 0);
    return [...super.sort(tests)].sort((a, b) => last(a) - last(b));
  }
}

module.exports = BrowserSequencer;
