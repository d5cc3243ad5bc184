"""What OPTIONS answers: the view's name, description and formats.

DRF's SimpleMetadata also describes the POST/PUT serializer, by instantiating it through
`get_serializer()`; the action views have none of their own (their input serializers are
chosen in the handler), so OPTIONS on them was a 500. The OpenAPI schema (/api/schema/)
is where inputs are described.
"""

from __future__ import annotations

from rest_framework.metadata import BaseMetadata


class NameOnlyMetadata(BaseMetadata):
    def determine_metadata(self, request, view):
        return {
            "name": view.get_view_name(),
            "description": view.get_view_description(),
            "renders": [renderer.media_type for renderer in view.renderer_classes],
            "parses": [parser.media_type for parser in view.parser_classes],
        }
