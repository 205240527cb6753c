"""Per-student HTML feedback: what each hidden test checked and what differed, never its code."""
import html

__all__ = ["feedback_html"]

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 56rem; margin: 2rem auto; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }}
td.pass {{ color: #007a5a; font-weight: bold; }} td.fail {{ color: #b23c00; font-weight: bold; }}
code {{ white-space: pre-wrap; }}
</style></head><body>
<h1>{title}</h1>
<p><strong>{student}</strong>: {score:g} / {max_score:g} points.</p>
{notes}
<table><tr><th>function</th><th>points</th><th>result</th><th>what was checked</th></tr>
{rows}
</table>
<p>Hidden tests call your functions on fresh random inputs and compare every output with the reference
solution: values, shapes, dtypes, and that your inputs were left unchanged.</p>
</body></html>
"""


def feedback_html(student, title, result):
    """An HTML page for one student's graded submission."""
    rows = []
    for test in result["tests"]:
        verdict = ("pass", "passed") if test["passed"] else ("fail", "failed")
        rows.append(f'<tr><td><code>{html.escape(test["function"])}</code></td>'
                    f'<td>{test["score"]:g} / {test["max_score"]:g}</td>'
                    f'<td class="{verdict[0]}">{verdict[1]}</td><td><code>{html.escape(test["message"])}</code></td></tr>')
    notes = []
    if result.get("error"):
        notes.append(f'<p class="fail">The notebook could not be graded fully: {html.escape(result["error"])}</p>')
    for skipped in result.get("skipped_cells", []):
        notes.append(f"<p>Skipped {html.escape(skipped)}.</p>")
    return PAGE.format(title=html.escape(title), student=html.escape(student), score=result["score"],
                       max_score=result["max_score"], notes="\n".join(notes), rows="\n".join(rows))
