// Search for Chinese words. mdBook's search index (elasticlunr) splits text at spaces and
// punctuation, which Chinese does not have between words, so a query such as 事件循环 finds
// nothing. When a query holds CJK characters, this looks for each of its space-separated terms
// as a substring of every section's title and text instead (the index stores them), ranking
// title hits above text hits and more hits above fewer. Other queries go to elasticlunr as before.
(function () {
    "use strict";
    const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
    function count(text, term) {
        let n = 0;
        for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
            n += 1;
        }
        return n;
    }
    function install() {
        const search = elasticlunr.Index.prototype.search;
        elasticlunr.Index.prototype.search = function (query, options) {
            if (!CJK.test(query)) {
                return search.call(this, query, options);
            }
            const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
            const results = [];
            for (const ref of Object.keys(this.documentStore.docs)) {
                const doc = this.documentStore.getDoc(ref);
                const title = (doc.title || "").toLowerCase();
                const body = (doc.body || "").toLowerCase();
                let score = 0;
                for (const term of terms) {
                    score += 2 * count(title, term) + count(body, term);
                }
                if (score > 0) {
                    results.push({ ref: ref, score: score, doc: doc });
                }
            }
            return results.sort((a, b) => b.score - a.score);
        };
    }
    if (typeof elasticlunr !== "undefined") {
        install();
    }
})();
