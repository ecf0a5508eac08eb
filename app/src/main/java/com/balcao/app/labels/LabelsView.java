package com.balcao.app.labels;

import com.balcao.app.web.Page;
import com.balcao.app.web.PageView;
import java.util.List;

/** The labels admin page: the list, an add form and the problems of the last attempt. */
final class LabelsView extends PageView {
    private final List<Label> labels;
    private final String name;
    private final String color;
    private final List<String> problems;

    LabelsView(Page page, List<Label> labels, String name, String color, List<String> problems) {
        super("labels.mustache", page, "labels_title", "labels");
        this.labels = labels;
        this.name = name;
        this.color = color;
        this.problems = problems.stream().map(page::text).toList();
    }

    public List<Label> getLabels() {
        return labels;
    }

    public String getName() {
        return name;
    }

    public String getColor() {
        return color;
    }

    public List<String> getProblems() {
        return problems;
    }
}
