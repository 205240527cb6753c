"""Turn the reference code between START/END CODE HERE markers into the learner's stubs."""
import ast
import re
import textwrap

from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

__all__ = ["ClearCodeBlocks", "stub_region"]


def _target_text(source, target):
    if isinstance(target, (ast.Tuple, ast.List)):
        return ", ".join(ast.get_source_segment(source, element) for element in target.elts)
    return ast.get_source_segment(source, target)


def stub_region(body):
    """Stub lines for one region: each top-level assignment becomes ``<target> = None``.

    Tuple targets get one ``None`` per name (``grads, cost = None, None``), so that the
    learner's unfilled code fails in a public test, not with an unpacking error. Other
    statements are dropped.
    """
    source = textwrap.dedent(body)
    stubs = []
    for statement in ast.parse(source).body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            names = " = ".join(_target_text(source, t) for t in targets)
            first = targets[0]
            width = len(first.elts) if isinstance(first, (ast.Tuple, ast.List)) else 1
            stubs.append(f"{names} = {', '.join(['None'] * width)}")
    return stubs


class ClearCodeBlocks(NbGraderPreprocessor):
    """Replace the code inside each START/END region of a solution cell by stubs.

    The marker lines, with their ``(≈ N lines of code)`` hints, and all code outside the
    regions are kept. A region with no assignment becomes the ``empty_stub`` comment.
    """

    begin_marker = Unicode("### START CODE HERE ###", help="Line marker opening a region.").tag(config=True)
    end_marker = Unicode("### END CODE HERE ###", help="Line marker closing a region.").tag(config=True)
    empty_stub = Unicode("# YOUR CODE HERE", help="What an emptied region holds when it had no assignment.").tag(
        config=True
    )

    def clear_cell(self, source, cell_name="cell"):
        """Return ``source`` with every region stubbed; raise ValueError on unbalanced markers."""
        lines, out, region, start_line = source.splitlines(), [], None, None
        for line in lines:
            if self.begin_marker in line:
                if region is not None:
                    raise ValueError(f"{cell_name}: a START marker inside another region")
                region, start_line = [], line
                out.append(line)
            elif self.end_marker in line:
                if region is None:
                    raise ValueError(f"{cell_name}: an END marker without a START marker")
                indent = re.match(r"\s*", start_line).group()
                try:
                    stubs = stub_region("\n".join(region))
                except SyntaxError as error:
                    raise ValueError(f"{cell_name}: the code of a region does not parse on its own: {error}")
                out.extend(indent + stub for stub in (stubs or [self.empty_stub]))
                out.append(line)
                region = None
            elif region is not None:
                region.append(line)
            else:
                out.append(line)
        if region is not None:
            raise ValueError(f"{cell_name}: a START marker without an END marker")
        if start_line is None:
            raise ValueError(f"{cell_name}: a graded cell has no {self.begin_marker} region")
        cleared = "\n".join(out)
        try:
            compile(cleared, cell_name, "exec")
        except SyntaxError as error:
            raise ValueError(f"{cell_name}: the stubbed cell is not valid Python: {error}")
        return cleared

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type == "code" and utils.is_solution(cell):
            cell.source = self.clear_cell(cell.source, cell.metadata.nbgrader.get("grade_id", f"cell {cell_index}"))
        return cell, resources
