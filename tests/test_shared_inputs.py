"""The calls' input arrays travel in a memory file the parent reads back itself (checker/shared_inputs.py)."""
import numpy as np
import pytest

from checker import protocol
from checker.protocol import ChannelError
from checker.shared_inputs import SharedInputs, map_in_child

pytestmark = pytest.mark.skipif(not SharedInputs().available, reason="no memfd on this platform")


def placed(*values):
    shared = SharedInputs()
    trees = [protocol.encode(v, shared=shared) for v in values]
    shared.write()
    return shared, trees


def test_the_child_gets_writable_views_and_the_parent_reads_what_they_became():
    x, params = np.arange(6.0).reshape(2, 3), {"W": np.ones((3, 2)), "b": np.zeros(2, dtype=np.float32)}
    shared, trees = placed(x, params, np.float64(2.0), np.zeros((0, 4)), np.array(3))
    mapping = map_in_child(shared.fd, shared.size)
    seen = [protocol.decode(t, resolve_functions=True, shared=mapping) for t in trees]
    np.testing.assert_array_equal(seen[0], x)
    assert seen[1]["b"].dtype == np.float32 and seen[3].shape == (0, 4) and seen[4].shape == ()
    seen[0] -= 1.0  # what an answer that changes its input in place does
    seen[1]["W"][0, 0] = 7.0
    back = [protocol.decode(t, shared=shared) for t in trees]
    np.testing.assert_array_equal(back[0], x - 1.0)
    assert back[1]["W"][0, 0] == 7.0 and back[1]["b"].dtype == np.float32
    np.testing.assert_array_equal(x, np.arange(6.0).reshape(2, 3))  # the parent's own copy is untouched


def test_each_array_has_room_of_its_own():
    shared, trees = placed(np.ones(3), np.ones(3))
    first, second = (protocol.decode(t, resolve_functions=True, shared=map_in_child(shared.fd, shared.size))
                     for t in trees)
    first[:] = 5.0
    np.testing.assert_array_equal(second, np.ones(3))


def test_the_file_cannot_shrink_once_written():
    import os

    shared, trees = placed(np.ones(1000))
    with pytest.raises(OSError):
        os.ftruncate(shared.fd, 8)


def test_the_parent_refuses_a_shared_array_from_the_channel():
    shared, trees = placed(np.ones(3))
    with pytest.raises(ChannelError):
        protocol.decode(trees[0])  # what the child sends is decoded without the file: never a shared array
