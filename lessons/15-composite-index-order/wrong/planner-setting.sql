-- Switching off sorting for the planner does not build an index, and a server keeps its settings: Fastpath refuses the line.
SET enable_sort = off;
