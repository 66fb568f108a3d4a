"""The trained ensembles folded into one sparse-dense product for fast scoring.

Every member of every label's ensemble is linear in the features (logistic regression, linear SVM,
complement naive Bayes), and the calibrators are sigmoids. Scoring one post through sklearn's
estimators costs about 30 input validations; here it is one ``X @ W`` per feature block and a few
vector operations for all labels at once, giving the same probabilities
(``tests/classifiers/test_fastpath.py`` checks the equality).
"""

from __future__ import annotations

import re
from itertools import repeat

import numpy as np
from scipy import sparse
from scipy.special import expit


def _sigmoid_parameters(calibrators) -> tuple[np.ndarray, np.ndarray]:
    """The ``a_`` and ``b_`` of fitted sigmoid calibrators (one per label), as two arrays."""
    return np.array([c.a_ for c in calibrators]), np.array([c.b_ for c in calibrators])


def _sigmoid(a, b, values: np.ndarray) -> np.ndarray:
    """A sigmoid calibrator's probabilities (``a`` and ``b`` as its ``a_`` and ``b_``, or arrays of them)."""
    return expit(-(a * values + b))


class LinearScorer:
    """Calibrated probabilities for every label from a fitted ``MultiOutputClassifier``."""

    MEMBERS = ("logreg", "svm", "nb")

    def __init__(self, multi_output) -> None:
        columns, intercepts, votes, calibrators, svm_calibrators = [], [], [], [], []
        for model in multi_output.estimators_:
            (calibrated,) = model.calibrated_classifiers_
            vote = calibrated.estimator
            if list(vote.named_estimators_) != list(self.MEMBERS):
                raise ValueError(f"unexpected ensemble members {list(vote.named_estimators_)}")
            logreg, svm, nb = (vote.named_estimators_[k] for k in self.MEMBERS)
            (svm_calibrated,) = svm.calibrated_classifiers_
            linear_svc = svm_calibrated.estimator
            columns += [logreg.coef_[0], linear_svc.coef_[0], nb.feature_log_prob_[0], nb.feature_log_prob_[1]]
            intercepts += [logreg.intercept_[0], linear_svc.intercept_[0], 0.0, 0.0]
            weights = np.ones(3) if vote.weights is None else np.asarray(vote.weights, dtype=float)
            votes.append(weights / weights.sum())
            calibrators.append(calibrated.calibrators[0])
            svm_calibrators.append(svm_calibrated.calibrators[0])
        self.W = np.column_stack(columns)
        self.b = np.asarray(intercepts)
        self.n_labels = len(votes)
        self.votes = np.array(votes)  # (labels, members)
        self.svm_a, self.svm_b = _sigmoid_parameters(svm_calibrators)
        self.cal_a, self.cal_b = _sigmoid_parameters(calibrators)

    def predict_proba(self, *blocks) -> np.ndarray:
        """``(n_posts, n_labels)`` calibrated probabilities for a feature matrix or its column blocks.

        Blocks (in column order) spare building the joined matrix. All labels at once: per label the
        columns are logistic regression, linear SVM, and naive Bayes's two class log-likelihoods,
        whose softmax for two classes is a sigmoid of their difference.
        """
        Z, start = self.b, 0
        for block in blocks:
            Z = Z + np.asarray(block @ self.W[start : start + block.shape[1]])
            start += block.shape[1]
        if start != len(self.W):
            raise ValueError(f"the blocks have {start} feature columns; the model has {len(self.W)}")
        Z = Z.reshape(len(Z), self.n_labels, 4)
        p_logreg = expit(Z[:, :, 0])
        p_svm = _sigmoid(self.svm_a, self.svm_b, Z[:, :, 1])
        p_nb = expit(Z[:, :, 3] - Z[:, :, 2])
        vote = self.votes[:, 0] * p_logreg + self.votes[:, 1] * p_svm + self.votes[:, 2] * p_nb
        return _sigmoid(self.cal_a, self.cal_b, vote)


class BoostedScorer:
    """The second-stage models (calibrated gradient-boosted trees, one per label) as lookup tables.

    The trees are small (``pipeline.build_stacker``: at most 7 leaves, so at most 6 splits each). For
    every tree, all its splits are tested at once, their outcomes packed into one small integer, and
    that integer looks up the leaf in a table made when the model is loaded: a few numpy operations
    for all trees of all labels, where scikit-learn's own predict spends milliseconds in per-call
    checks. The numbers are the same (``tests/classifiers/test_fastpath.py``).
    """

    #: Splits per tree that the tables allow: their outcomes fit one byte (a table of 2**splits per tree).
    MAX_SPLITS = 8

    def __init__(self, stackers) -> None:
        features, thresholds, lefts, rights, leaves, values, roots, owners = [], [], [], [], [], [], [], []
        baselines, calibrators = [], []
        offset = 0
        for label, stacker in enumerate(stackers):
            (calibrated,) = stacker.calibrated_classifiers_
            boosted = calibrated.estimator
            if any(p.nodes["is_categorical"].any() for (p,) in boosted._predictors):
                raise ValueError("categorical splits are not supported")
            baselines.append(float(boosted._baseline_prediction.ravel()[0]))
            calibrators.append(calibrated.calibrators[0])
            for (predictor,) in boosted._predictors:
                nodes = predictor.nodes
                features.append(nodes["feature_idx"].astype(np.int64))
                thresholds.append(nodes["num_threshold"])
                lefts.append(nodes["left"].astype(np.int64) + offset)
                rights.append(nodes["right"].astype(np.int64) + offset)
                leaves.append(nodes["is_leaf"].astype(bool))
                values.append(nodes["value"])
                roots.append(offset)
                owners.append(label)
                offset += len(nodes)
        self._tabulate(np.concatenate(features), np.concatenate(thresholds), np.concatenate(lefts),
                       np.concatenate(rights), np.concatenate(leaves), np.concatenate(values), np.asarray(roots))
        # Tree k of every label, for k = 0, 1, ...; where a label stopped early, a tree worth 0.
        owners = np.asarray(owners)
        per_label = [np.flatnonzero(owners == label) for label in range(len(stackers))]
        self.rounds = np.full((max(map(len, per_label)), len(stackers)), len(owners), dtype=np.int64)
        for label, trees in enumerate(per_label):
            self.rounds[: len(trees), label] = trees
        self.baselines = np.array(baselines)
        self.cal_a, self.cal_b = _sigmoid_parameters(calibrators)

    def _tabulate(self, feature, threshold, left, right, leaf, value, roots) -> None:
        """Per tree: its splits (feature, threshold) and its leaf value for every set of outcomes."""
        n_trees = len(roots)
        tree_of = np.repeat(np.arange(n_trees), np.diff(np.append(roots, len(feature))))
        splits = np.flatnonzero(~leaf)
        per_tree = np.bincount(tree_of[splits], minlength=n_trees)
        width = max(1, int(per_tree.max()))
        if width > self.MAX_SPLITS:
            raise ValueError(f"trees with more than {self.MAX_SPLITS} splits are not supported")
        rank = np.arange(len(splits)) - np.repeat(np.cumsum(per_tree) - per_tree, per_tree)
        bit = np.zeros(len(feature), dtype=np.int64)
        bit[splits] = rank  # which bit of a tree's outcomes this split sets (1: the sample went left)
        columns = np.repeat(roots[:, None], width, axis=1)  # a tree with fewer splits repeats its root
        columns[tree_of[splits], rank] = splits
        self.split_feature = feature[columns]  # (trees, width)
        self.split_threshold = threshold[columns]
        outcomes = np.arange(1 << width)[:, None]
        node = np.broadcast_to(roots, (len(outcomes), n_trees)).copy()
        for _ in range(width):  # every path has at most ``width`` splits
            went_left = (outcomes >> bit[node]) & 1 == 1
            node = np.where(leaf[node], node, np.where(went_left, left[node], right[node]))
        table = value[node].T  # (trees, outcomes)
        self.flat_table = np.append(table.ravel(), 0.0)  # then the value of a tree that is not there
        self.table_rows = np.append(np.arange(n_trees) * table.shape[1], len(self.flat_table) - 1)

    def predict_proba(self, Z: np.ndarray) -> np.ndarray:
        """``(n_posts, n_labels)`` calibrated probabilities for second-stage inputs ``Z`` (no NaN)."""
        went_left = Z[:, self.split_feature] <= self.split_threshold  # (posts, trees, width)
        outcomes = np.packbits(went_left, axis=2, bitorder="little")[:, :, 0].astype(np.intp)
        outcomes = np.append(outcomes, np.zeros((len(Z), 1), dtype=np.intp), axis=1)  # the absent tree
        # Per post and label: the baseline, then each round's tree; summed one after another, as
        # scikit-learn sums them, so the floats are the same whatever the batch.
        terms = np.empty((len(Z), len(self.rounds) + 1, len(self.baselines)))
        terms[:, 0] = self.baselines
        terms[:, 1:] = self.flat_table[(outcomes + self.table_rows)[:, self.rounds]]
        return _sigmoid(self.cal_a, self.cal_b, np.cumsum(terms, axis=1)[:, -1])


class TfidfTransform:
    """A fitted ``TfidfVectorizer``'s ``transform`` for a batch of already-preprocessed texts.

    Scikit-learn builds every n-gram as a Python string and looks each one up in the vocabulary,
    catching a ``KeyError`` for the many that are not in it. Here character n-grams are computed as
    integers with numpy over the whole batch at once (each character as a few bits, looked up in an
    open-addressing table of the vocabulary's n-grams), and each word token is looked up once as a
    number, two-word n-grams then being pairs of numbers found with numpy. The result is the same
    matrix (``tests/classifiers/test_fastpath.py``).
    """

    _EMPTY = np.iinfo(np.uint64).max
    _MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
    _ROUNDS = 3

    def __init__(self, vectorizer) -> None:
        if (vectorizer.analyzer not in ("word", "char_wb") or not vectorizer.use_idf or vectorizer.norm != "l2"
                or vectorizer.binary or vectorizer.stop_words is not None or vectorizer.tokenizer is not None
                or (vectorizer.analyzer == "char_wb" and vectorizer.ngram_range[0] not in (2, 3))
                or (vectorizer.analyzer == "word" and vectorizer.ngram_range[1] > 2)):
            raise ValueError("only l2-normalised TF-IDF word (1- and 2-grams) or char_wb (n from 2 or 3) "
                             "vectorizers are supported")
        self.vocabulary = vectorizer.vocabulary_
        self.n_features = len(self.vocabulary)
        self.idf = vectorizer.idf_.astype(vectorizer.dtype)
        self.dtype = vectorizer.dtype
        self.sublinear = vectorizer.sublinear_tf
        self.min_n, self.max_n = vectorizer.ngram_range
        self.chars = vectorizer.analyzer == "char_wb"
        if self.chars:
            self._build_char_table()
        else:
            self.tokens = re.compile(vectorizer.token_pattern)
            self._build_word_table()

    def _build_word_table(self) -> None:
        """Number every token of the vocabulary; a two-word n-gram is then a pair of numbers."""
        self.token_ids: dict[str, int] = {}
        unigrams, pairs, pair_columns = [], [], []
        for gram, column in self.vocabulary.items():
            if " " in gram and self.tokens.fullmatch(gram):  # then "a b" may be one token or two
                raise ValueError("word tokens that can contain a space are not supported")
            ids = [self.token_ids.setdefault(token, len(self.token_ids)) for token in gram.split(" ")]
            if len(ids) == 1:
                unigrams.append((ids[0], column))
            else:
                pairs.append(ids)
                pair_columns.append(column)
        self.unigram_columns = np.full(max(1, len(self.token_ids)), -1, dtype=np.int32)
        if unigrams:
            tokens, columns = zip(*unigrams)
            self.unigram_columns[list(tokens)] = columns
        self.n_tokens = max(1, len(self.token_ids))
        pairs = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        codes = pairs[:, 0] * self.n_tokens + pairs[:, 1]
        order = np.argsort(codes)
        self.pair_codes = codes[order]
        self.pair_columns = np.asarray(pair_columns, dtype=np.int32)[order]

    def _build_char_table(self) -> None:
        alphabet = sorted({c for gram in self.vocabulary for c in gram})
        self.bits = len(alphabet).bit_length()
        if self.bits * self.max_n + 1 > 63:
            raise ValueError("character n-grams too long to pack into 64 bits")
        self.char_codes = np.zeros(0x110000, dtype=np.uint16)  # 0: a character outside the vocabulary
        self.char_codes[[ord(c) for c in alphabet]] = np.arange(1, len(alphabet) + 1)
        grams = list(self.vocabulary)
        codes = np.array([self._pack(g) for g in grams], dtype=np.uint64)
        columns = np.array([self.vocabulary[g] for g in grams], dtype=np.int32)
        self.columns = dict(zip(codes.tolist(), columns.tolist()))
        size = 1 << (4 * len(grams)).bit_length()
        self.mask = size - 1
        self.shift = np.uint64(64 - (size.bit_length() - 1))
        self.keys = np.full(size, self._EMPTY, dtype=np.uint64)
        self.values = np.zeros(size, dtype=np.int32)
        pending, slots = np.arange(len(grams)), self._slots(codes)
        while pending.size:  # linear probing, inserted a round at a time
            free = self.keys[slots[pending]] == self._EMPTY
            taken, first = np.unique(slots[pending[free]], return_index=True)
            winners = pending[free][first]
            self.keys[taken], self.values[taken] = codes[winners], columns[winners]
            pending = np.setdiff1d(pending, winners, assume_unique=True)
            slots[pending] = (slots[pending] + 1) & self.mask

    def _pack(self, gram: str) -> int:
        """An n-gram as one integer: its characters' codes, plus a bit that marks the length."""
        code = 1
        for char in gram:
            code = (code << self.bits) | int(self.char_codes[ord(char)])
        return code

    def _slots(self, codes: np.ndarray) -> np.ndarray:
        return ((codes * self._MULTIPLIER) >> self.shift).astype(np.int64)

    def _find(self, codes: np.ndarray) -> np.ndarray:
        """Column of each packed n-gram, or -1."""
        slots = self._slots(codes)
        keys = self.keys[slots]
        hit = keys == codes
        found = np.where(hit, self.values[slots], -1)
        active = np.flatnonzero(~hit & (keys != self._EMPTY))
        for _ in range(self._ROUNDS - 1):  # linear probing, for the few that collided
            if not active.size:
                return found
            slots[active] = (slots[active] + 1) & self.mask
            keys = self.keys[slots[active]]
            hit = keys == codes[active]
            found[active[hit]] = self.values[slots[active[hit]]]
            active = active[~hit & (keys != self._EMPTY)]
        get = self.columns.get  # the few still probing: a plain dictionary is cheaper than more rounds
        found[active] = [get(code, -1) for code in codes[active].tolist()]
        return found

    def _char_entries(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        # Words joined by single spaces and padded, as char_wb pads each word; an n-gram that spans
        # two words has a space inside it, so it is never in the vocabulary.
        padded = [" " + " ".join(t.split()) + " " for t in texts]
        ends = np.cumsum([len(t) + 1 for t in padded])
        joined = "\0".join(padded + [""]).encode("utf-32-le", "surrogatepass")  # lone surrogates too
        chars = self.char_codes[np.frombuffer(joined, dtype=np.uint32)]
        chars = chars.astype(np.uint64)
        chars[ends - 1] = 0  # between texts: no n-gram runs from one into the next
        owner = np.repeat(np.arange(len(texts)), np.diff(ends, prepend=0))
        rows, columns, bits = [], [], np.uint64(self.bits)
        codes = np.ones(len(chars), dtype=np.uint64)  # the n-gram starting at each position, n growing
        unknown = chars == 0
        space = chars == self.char_codes[ord(" ")]
        ruled_out = unknown.copy()  # an n-gram with an unknown character or an inner space is not in the vocabulary
        for n in range(1, self.max_n + 1):
            m = len(chars) - n + 1
            if m <= 0:
                break
            codes = codes[:m]
            codes <<= bits
            codes |= chars[n - 1 :]
            if n > 1:
                ruled_out = ruled_out[:m] | unknown[n - 1 :]
            if n > 2:
                ruled_out |= space[n - 2 : n - 2 + m]
            if n < self.min_n:
                continue
            keep = np.flatnonzero(~ruled_out)
            found = self._find(codes[keep])
            hit = found >= 0
            rows.append(owner[keep[hit]])
            columns.append(found[hit])
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
        return np.concatenate(rows), np.concatenate(columns)

    def _word_entries(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        # Tokens become numbers (-1: in no n-gram of the vocabulary); a pair of neighbours in one text is
        # looked up as one integer among the sorted pairs of the vocabulary, all at once.
        tokens, counts = [], []
        for text in texts:
            found = self.tokens.findall(text)
            tokens += found
            counts.append(len(found))
        ids = np.fromiter(map(self.token_ids.get, tokens, repeat(-1)), dtype=np.int64, count=len(tokens))
        owner = np.repeat(np.arange(len(texts)), counts)
        rows, columns = [], []
        if self.min_n == 1:
            known = ids >= 0
            unigram = np.full(len(ids), -1, dtype=np.int32)
            unigram[known] = self.unigram_columns[ids[known]]
            rows.append(owner[unigram >= 0])
            columns.append(unigram[unigram >= 0])
        if self.max_n == 2 and len(ids) > 1 and len(self.pair_codes):
            both = (ids[:-1] >= 0) & (ids[1:] >= 0) & (owner[:-1] == owner[1:])
            codes = ids[:-1][both] * self.n_tokens + ids[1:][both]
            at = np.minimum(np.searchsorted(self.pair_codes, codes), len(self.pair_codes) - 1)
            hit = self.pair_codes[at] == codes
            rows.append(owner[:-1][both][hit])
            columns.append(self.pair_columns[at[hit]])
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
        return np.concatenate(rows), np.concatenate(columns)

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        """TF-IDF rows for ``texts`` (the vectorizer's preprocessor already applied)."""
        if not texts:
            return sparse.csr_matrix((0, self.n_features), dtype=self.dtype)
        rows, columns = (self._char_entries if self.chars else self._word_entries)(texts)
        # Each (row, column) cell as one integer, 32-bit when the batch allows: numpy sorts those
        # twice as fast, and the sort is most of this step.
        kind = np.int32 if len(texts) * self.n_features < 2**31 else np.int64
        cells, counts = np.unique(rows.astype(kind) * kind(self.n_features) + columns, return_counts=True)
        rows = cells // self.n_features
        columns = (cells % self.n_features).astype(np.int32)
        data = counts.astype(self.dtype)
        if self.sublinear:
            np.log(data, out=data)
            data += 1
        data *= self.idf[columns]
        # As scikit-learn's normalize: squares in the data's precision, summed and divided in float64.
        norms = np.sqrt(np.bincount(rows, weights=(data * data).astype(np.float64), minlength=len(texts)))
        norms[norms == 0] = 1
        data = (data / norms[rows]).astype(self.dtype)
        indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=len(texts)))])
        return sparse.csr_matrix((data, columns, indptr),
                                 shape=(len(texts), self.n_features))
