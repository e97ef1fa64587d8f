"""Load YAML while keeping where each value came from (line and column).

Checklist and settings errors must point at ``file:line:col``; PyYAML's nodes
know their marks, so mappings and sequences are built as :class:`Located`
containers that remember the mark of every key and element.
"""

from __future__ import annotations

from typing import Any

import yaml


class LocatedDict(dict):  # type: ignore[type-arg]
    """A dict that knows the (line, col) of itself and of each key (1-based)."""

    mark: tuple[int, int] = (1, 1)
    key_marks: dict[str, tuple[int, int]]
    value_marks: dict[str, tuple[int, int]]


class LocatedList(list):  # type: ignore[type-arg]
    mark: tuple[int, int] = (1, 1)
    item_marks: list[tuple[int, int]]


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


# libyaml's parser where PyYAML was built with it (it keeps the marks too), else the pure one.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    result = LocatedDict()
    result.mark = _mark(node)
    result.key_marks = {}
    result.value_marks = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_marks[key] = _mark(key_node)
        result.value_marks[key] = _mark(value_node)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.mark = _mark(node)
    result.item_marks = [_mark(child) for child in node.value]
    return result


def _construct_date_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates stay text so that validation and JSON output see exactly what was written.
    return str(loader.construct_scalar(node))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date_as_text)


def load(text: str) -> Any:
    """Parse YAML text into Located containers (raises ``yaml.YAMLError``)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


def load_plain(text: str) -> Any:
    """Parse YAML text into plain containers, with the same parser (raises ``yaml.YAMLError``)."""
    return yaml.load(text, Loader=_Base)  # noqa: S506 - a SafeLoader


def locate(root: Any, path: list[str | int]) -> tuple[int, int]:
    """The (line, col) of the value at ``path`` (the nearest known mark above it)."""
    node, mark = root, getattr(root, "mark", (1, 1))
    for step in path:
        if isinstance(node, LocatedDict) and step in node:
            mark = node.value_marks.get(str(step), mark)
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node):
            mark = node.item_marks[step]
            node = node[step]
        else:
            break
    return mark


def locate_key(root: Any, path: list[str | int], key: str) -> tuple[int, int]:
    """The (line, col) of ``key`` inside the mapping at ``path``."""
    node = root
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return locate(root, path)
    if isinstance(node, LocatedDict) and key in node.key_marks:
        return node.key_marks[key]
    return locate(root, path)
