"""The 2-D test surfaces as (loss, gradient) in plain Python floats, shared by the golden generators.
Keep them in step with GoldenSurfaces.cs and the built-in surfaces of LrLab.Core."""


def bowl(p):
    x, y = p
    return x * x + 2 * y * y, [2 * x, 4 * y]


def ravine(p):
    x, y = p
    return 0.5 * x * x + 25 * y * y, [x, 50 * y]


def rosenbrock(p):
    x, y = p
    a = 1 - x
    b = y - x * x
    return a * a + 100 * b * b, [-2 * a - 400 * x * b, 200 * b]


def himmelblau(p):
    x, y = p
    a = x * x + y - 11
    b = x + y * y - 7
    return a * a + b * b, [4 * x * a + 2 * b, 2 * a + 4 * y * b]


def parabola(p):
    (w,) = p
    return w * w, [2 * w]
