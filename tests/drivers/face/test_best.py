"""The best compliant frame of a stream is kept; non-compliant frames never are."""

from drivers.face import synthetic as syn
from drivers.face.best import BestFrame
from drivers.face.compliance import assess


def test_only_compliant_frames_are_kept_and_the_sharpest_wins(analyzer, people):
    sharp = people["obama"].frame()
    soft = syn.blur(sharp, 0.8)
    best = BestFrame()
    assert best.photo() is None
    assert not best.offer(syn.darken(sharp), assess(syn.darken(sharp), analyzer.detect(syn.darken(sharp))))
    assert best.photo() is None
    soft_assessment = assess(soft, analyzer.detect(soft))
    assert soft_assessment.compliant
    assert best.offer(soft, soft_assessment)
    assert best.offer(sharp, assess(sharp, analyzer.detect(sharp)))
    assert not best.offer(soft, soft_assessment)
    assert best.assessment.value("sharpness") > soft_assessment.value("sharpness")
    assert best.photo().shape == (441, 358, 3)
    best.clear()
    assert best.photo() is None and best.assessment is None
