"""Prefect flows: they only wire tasks; the work is in sources/, transforms/, expectations/, warehouse/."""
