// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the SVG application icon as a square PNG at build time (for the hicolor theme):
//   ezr_render_icon IN.svg SIZE OUT.png
// QSvgRenderer paints into a QImage: no display and no extra tool are needed.
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fputs("usage: ezr_render_icon IN.svg SIZE OUT.png\n", stderr);
        return 2;
    }
    const QString in = QString::fromLocal8Bit(argv[1]);
    const int size = QString::fromLocal8Bit(argv[2]).toInt();
    const QString out = QString::fromLocal8Bit(argv[3]);
    QSvgRenderer renderer(in);
    if (!renderer.isValid() || size <= 0) {
        std::fprintf(stderr, "ezr_render_icon: cannot render %s at %s\n", argv[1], argv[2]);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    if (!image.save(out, "PNG")) {
        std::fprintf(stderr, "ezr_render_icon: cannot write %s\n", argv[3]);
        return 1;
    }
    return 0;
}
