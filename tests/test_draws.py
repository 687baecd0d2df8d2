"""The shared draw helpers keep their promises on every seed: ranks covered, kinks respected,
large entries and entries just beside each kink in every draw, stability rows whose maxima are
about 2000 apart, and the same draws again from the same seed."""
import numpy as np
import pytest

from checker import catalog
from checker.draws import (BESIDE_KINK, KINK_MARGIN, LARGE, LOGIT_LIMIT, kink_regions, logits_far_apart,
                           mixed_values, off_kinks, row_maxima_spread, shape_text, shapes_of_every_rank,
                           weights_for)
from checker.spec import STEP

SEEDS = range(200)


def test_the_kink_margin_keeps_a_central_difference_off_the_kink():
    assert KINK_MARGIN >= 100 * STEP
    assert BESIDE_KINK[0] >= KINK_MARGIN and BESIDE_KINK[1] <= 0.04  # inside a mask at x > 0.04


def test_shapes_cover_every_rank_with_distinct_sizes():
    for seed in SEEDS:
        shapes = shapes_of_every_rank(np.random.default_rng(seed))
        assert [len(s) for s in shapes] == [0, 1, 2, 3, 4]
        for shape in shapes:
            assert len(set(shape)) == len(shape), shape  # a swapped axis cannot hide
            assert all(1 <= size <= 7 for size in shape)
        assert shapes[1][0] >= 2
    assert shapes_of_every_rank(np.random.default_rng(0), ranks=(1, 4))[1].__len__() == 4


def test_shape_text_reads_like_a_label():
    assert [shape_text(s) for s in [(), (7,), (2, 3)]] == ["()", "(7,)", "(2, 3)"]


@pytest.mark.parametrize("kinks", [(0.0,), (0.0, 6.0), ()])
def test_every_draw_mixes_scales_and_respects_the_kinks(kinks):
    for seed in SEEDS:
        rng = np.random.default_rng(seed)
        shape = shapes_of_every_rank(rng, ranks=(2,), largest=6)[0] if seed % 2 else (1, 7)
        size = int(np.prod(shape))
        x = mixed_values(rng, shape, kinks=kinks)
        assert x.shape == shape and x.dtype == np.float64
        for kink in kinks:
            distance = np.abs(x - kink)
            assert distance.min() >= KINK_MARGIN, (seed, kink)
            if size > 2 + 2 * len(kinks):  # room for every kind
                beside = (distance <= BESIDE_KINK[1]) & (distance >= BESIDE_KINK[0])
                assert np.any(beside & (x > kink)) and np.any(beside & (x < kink)), (seed, kink, x)
        if size > 2 + 2 * len(kinks):
            assert x.max() >= LARGE[0] and x.min() <= -LARGE[0], (seed, x)
        if size > 1:  # the function's largest value is an ordinary one: floors stay meaningful
            assert x.max() >= LARGE[0], (seed, x)
        assert np.abs(x).max() <= LARGE[1]
        assert np.any(np.abs(x) < 5.0), "one ordinary entry at least keeps the scale of the array"


def test_a_single_entry_is_an_ordinary_one():
    for seed in range(20):
        for shape in [(), (1,), (1, 1)]:
            x = mixed_values(np.random.default_rng(seed), shape)
            assert x.shape == shape and KINK_MARGIN <= abs(float(x.reshape(-1)[0])) < 10.0


def test_off_kinks_moves_near_entries_out_on_their_own_side():
    moved = off_kinks([0.0, 1e-4, -5e-4, 0.5, 6.0002, 5.9995], kinks=(0.0, 6.0))
    assert moved[0] == KINK_MARGIN and moved[3] == 0.5
    assert KINK_MARGIN <= moved[1] < 2 * KINK_MARGIN and -2 * KINK_MARGIN < moved[2] <= -KINK_MARGIN
    assert 6.0 + KINK_MARGIN <= moved[4] and moved[5] <= 6.0 - KINK_MARGIN


def test_kink_regions_are_the_two_sides():
    x = np.array([-2.0, 3.0, 0.5])
    regions = kink_regions(x)
    assert list(regions) == ["where x > 0", "where x < 0"]
    assert regions["where x > 0"].tolist() == [False, True, True]


def test_the_same_seed_gives_the_same_draws():
    def everything(seed):
        rng = np.random.default_rng(seed)
        return (shapes_of_every_rank(rng), mixed_values(rng, (3, 4)),
                logits_far_apart(rng, rng.uniform(0, 30, (3, 5))))
    first, again, other = everything(5), everything(5), everything(6)
    assert first[0] == again[0]
    assert np.array_equal(first[1], again[1]) and np.array_equal(first[2], again[2])
    assert not np.array_equal(first[1], other[1])


@pytest.mark.parametrize("shape", [(2, 5), (5, 3), (2, 3, 4)])
def test_stability_rows_have_maxima_about_2000_apart_on_every_seed(shape):
    for seed in SEEDS:
        rng = np.random.default_rng(seed)
        logits = logits_far_apart(rng, rng.uniform(0.0, 2 * LOGIT_LIMIT, shape))
        assert logits.shape == shape
        assert np.all(np.abs(logits) <= LOGIT_LIMIT)
        assert row_maxima_spread(logits) >= 2 * LOGIT_LIMIT - 11.0, seed
        # A shift by the batch's largest logit leaves a whole row at e^(-1989) or less: 0.
        shifted = logits.reshape(-1, shape[-1]) - logits.max()
        assert np.any(np.all(np.exp(shifted) == 0.0, axis=1))


def test_stability_rows_need_two_rows():
    with pytest.raises(ValueError):
        logits_far_apart(np.random.default_rng(0), np.zeros((1, 4)))


def stability_arrays(name, seeds):
    kata = catalog.get(name)
    for seed in seeds:
        for index, check in enumerate(kata.checks):
            for case in check.cases(np.random.default_rng([seed, index])):
                if case.stability:
                    yield case, next(v for v in case.args.values()
                                     if isinstance(v, np.ndarray) and v.dtype.kind == "f")


@pytest.mark.parametrize("name", ["softmax", "softmax_cross_entropy"])
def test_every_stability_batch_of_a_softmax_kata_has_rows_far_apart(name):
    """A log-softmax shifted by the batch's largest logit instead of each row's fails on every seed."""
    for case, logits in stability_arrays(name, range(50)):
        assert np.all(np.abs(logits) <= LOGIT_LIMIT), case.label
        if logits.ndim == 2 and logits.shape[0] > 1:
            assert row_maxima_spread(logits) >= 1900.0, case.label


def test_weights_for_places_every_pre_activation():
    for seed in range(50):
        rng = np.random.default_rng(seed)
        x = rng.standard_normal((4, 5))
        target = mixed_values(rng, (4, 3))
        # Off by rounding only: a millionth of the kink margin.
        assert np.allclose(x @ weights_for(x, target), target, rtol=1e-9, atol=1e-6 * KINK_MARGIN)
    with pytest.raises(ValueError):
        weights_for(np.ones((3, 2)), np.ones((3, 1)))


def test_relu_net_hidden_units_sit_beside_the_kink_and_far_from_it():
    kata = catalog.get("relu_net")
    for seed in range(50):
        for case in kata.checks[0].cases(np.random.default_rng([seed, 0])):
            x, w1 = case.args["x"], case.args["w1"]
            h = x @ w1
            # A difference step of w1 moves h by at most |x|·STEP: far inside the margin.
            assert np.abs(h).min() - np.abs(x).max() * STEP >= 0.9 * KINK_MARGIN, case.label
            if h.size > 4:
                assert np.any(np.abs(h) <= BESIDE_KINK[1]) and np.abs(h).max() >= LARGE[0], case.label


def test_the_initial_scale_is_named_on_every_seed_and_a_start_as_stated_passes():
    """The start is part of the training task: 0.5·N(0, 1) passes on every seed, other scales never."""
    from checker.specs.train_two_layer_net import initial_scale_finding

    def start(seed, scale, bias=0.0):
        rng = np.random.default_rng(seed)
        return {"W1": scale * rng.standard_normal((64, 50)), "b1": np.full(50, bias),
                "W2": scale * rng.standard_normal((50, 10)), "b2": np.zeros(10)}
    assert all(initial_scale_finding(start(seed, 0.5)).passed for seed in SEEDS)
    for scale in (0.01, 1e-4, 1 / np.sqrt(64), 1.0):
        found = [initial_scale_finding(start(seed, scale)) for seed in range(20)]
        assert not any(f.passed for f in found) and {f.code for f in found} == {"wrong_value"}, scale
    assert "weight_init_std = 0.01" in initial_scale_finding(start(0, 0.01)).message
    assert not initial_scale_finding(start(0, 0.5, bias=0.1)).passed
