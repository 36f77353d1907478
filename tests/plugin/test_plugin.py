"""The MkDocs adapter: one plugin, found through its entry point, listed last, running every
step of smartcity/mkdocs/ once, in the order written in plugin.py; and the forks' CI files
still call targets that exist."""
from __future__ import annotations

import importlib
import inspect
import re
import subprocess
from importlib.metadata import entry_points

import yaml

from smartcity.mkdocs import plugin
from tests.conftest import ROOT


def test_the_plugin_is_found_through_its_entry_point():
    (found,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "smartcity"]
    assert found.load() is plugin.SmartCityPlugin


def test_mkdocs_yml_lists_it_last_and_no_hooks_file():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^hooks:", text, re.M), "events go through the plugin, not hooks files"
    plugins = re.search(r"^plugins:\n((?:  .*\n|\n)+)", text, re.M).group(1)
    names = re.findall(r"^  ([a-z_]+):", plugins, re.M)
    assert names[-1] == "smartcity" and names.count("smartcity") == 1


def test_every_step_function_runs_once_under_its_event():
    """A new on_* function in a steps module that no event lists would silently never run."""
    listed = [f for steps in plugin.STEPS.values() for f in steps]
    assert len(listed) == len(set(listed))
    for steps_module in {f.__module__ for f in listed}:
        module = importlib.import_module(steps_module)
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("on_") and func.__module__ == steps_module:
                assert func in plugin.STEPS[name[3:]], f"{steps_module}.{name} is in no STEPS entry"
    for event, steps in plugin.STEPS.items():
        assert all(f.__name__ == f"on_{event}" for f in steps), event
        assert hasattr(plugin.SmartCityPlugin, f"on_{event}"), event


def test_forks_ci_files_call_targets_that_exist():
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    commands = [s["run"] for job in github["jobs"].values() for s in job.get("steps", []) if "run" in s]
    commands += gitlab["pages"]["script"]
    targets = [m for c in commands for m in re.findall(r"\bmake ([a-z-]+)", c)]
    assert "build" in targets
    for target in targets:
        done = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, f"make {target}: {done.stderr}"
    assert any("mv site public" in c for c in gitlab["pages"]["script"])
    upload = [s for job in github["jobs"].values() for s in job.get("steps", []) if "upload-pages" in s.get("uses", "")]
    assert upload and upload[0]["with"]["path"] == "site"


def test_state_lives_on_the_plugin_instance():
    """Steps that keep state between events get the plugin's dict for their module: two builds
    (two instances, as make serve makes) never share it, and no steps module keeps its own."""
    first, second = plugin.SmartCityPlugin(), plugin.SmartCityPlugin()
    first.on_startup(command="build", dirty=True)
    second.on_startup(command="build", dirty=False)
    for module in plugin.STATEFUL:
        assert first.states[module.__name__]["dirty"] is True
        assert second.states[module.__name__]["dirty"] is False
    for module in {importlib.import_module(f.__module__) for steps in plugin.STEPS.values() for f in steps}:
        shared = [name for name, value in vars(module).items()
                  if not name.startswith("__") and isinstance(value, (dict, list, set)) and not name.isupper()]
        assert not shared, f"{module.__name__} keeps module-level state: {shared}"
