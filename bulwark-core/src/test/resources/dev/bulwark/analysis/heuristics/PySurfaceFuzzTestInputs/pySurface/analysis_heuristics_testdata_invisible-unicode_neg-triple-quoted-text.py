def test_pretty():
    expected = """\
 dα  
"""
    assert f(x) == expected
