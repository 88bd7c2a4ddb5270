import java.util.ArrayList;
import java.util.List;

/** A small line diff for failure messages: the changed lines with two lines of context, as diff -u shows them. */
final class LineDiff {

    private static final int CONTEXT = 2;
    private static final int MOST_LINES = 60;

    private LineDiff() {
    }

    /** "@@ line N" headers, then " same", "-earlier" and "+later" lines; files up to a few thousand lines. */
    static String of(List<String> earlier, List<String> later) {
        int n = earlier.size();
        int m = later.size();
        int[][] common = new int[n + 1][m + 1]; // common[i][j]: longest common lines of earlier[i..] and later[j..]
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = earlier.get(i).equals(later.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> script = new ArrayList<>(); // every line of both, each with its mark
        List<Integer> laterLine = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && earlier.get(i).equals(later.get(j))) {
                script.add(" " + earlier.get(i++));
                laterLine.add(++j);
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                script.add("-" + earlier.get(i++));
                laterLine.add(j + 1);
            } else {
                script.add("+" + later.get(j++));
                laterLine.add(j);
            }
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        int lastShown = -1;
        for (int k = 0; k < script.size() && shown < MOST_LINES; k++) {
            if (!nearAChange(script, k)) {
                continue;
            }
            if (k != lastShown + 1) {
                out.append("@@ line ").append(laterLine.get(k)).append(" of the later file\n");
            }
            out.append(script.get(k)).append('\n');
            lastShown = k;
            shown++;
        }
        return shown == MOST_LINES ? out + "(and more)\n" : out.toString();
    }

    private static boolean nearAChange(List<String> script, int k) {
        for (int d = Math.max(0, k - CONTEXT); d <= Math.min(script.size() - 1, k + CONTEXT); d++) {
            if (script.get(d).charAt(0) != ' ') {
                return true;
            }
        }
        return false;
    }
}
