"""The read-only web site (``minutes serve``): server-rendered pages over the
same query functions as the command line (``minutes.models``)."""
