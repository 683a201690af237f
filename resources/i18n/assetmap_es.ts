<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../assetmap/ui/about.py" line="46" />
            <location filename="../../assetmap/ui/about.py" line="47" />
            <source>About assetmap</source>
            <translation>Acerca de assetmap</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/about.py" line="50" />
            <source>assetmap logo</source>
            <translation>Logotipo de assetmap</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/about.py" line="52" />
            <source>Community asset and risk mapping for partnerships that protect children.</source>
            <translation>Mapeo de recursos comunitarios y riesgos para alianzas que protegen a la niñez.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/about.py" line="59" />
            <source>Licences and data sources</source>
            <translation>Licencias y fuentes de datos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/about.py" line="64" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/about.py" line="75" />
            <source>assetmap is free software under the MIT licence.</source>
            <translation>assetmap es software libre con licencia MIT.</translation>
        </message>
    </context>
    <context>
        <name>Appearance</name>
        <message>
            <location filename="../../assetmap/ui/appearance.py" line="129" />
            <source>Normal</source>
            <translation>Normal</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/appearance.py" line="130" />
            <source>Large</source>
            <translation>Grande</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/appearance.py" line="131" />
            <source>Larger</source>
            <translation>Más grande</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/appearance.py" line="132" />
            <source>Largest</source>
            <translation>Muy grande</translation>
        </message>
    </context>
    <context>
        <name>AttributeTableDock</name>
        <message>
            <location filename="../../assetmap/ui/attribute_table.py" line="73" />
            <location filename="../../assetmap/ui/attribute_table.py" line="75" />
            <location filename="../../assetmap/ui/attribute_table.py" line="79" />
            <source>Attribute table</source>
            <translation>Tabla de atributos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/attribute_table.py" line="83" />
            <source>The table lists every feature of one layer (one row each) with its information.

Type in the filter box to keep only rows containing that text. Click a column title to sort by it. Select rows to highlight those features on the map; clicking a feature on the map selects its row here.</source>
            <translation>La tabla muestra todos los elementos de una capa (una fila por elemento) con su información.

Escriba en la casilla de filtro para dejar solo las filas que contienen ese texto. Haga clic en el título de una columna para ordenar por ella. Seleccione filas para resaltar esos elementos en el mapa; al hacer clic en un elemento del mapa, se selecciona su fila aquí.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/attribute_table.py" line="87" />
            <source>Choose a layer in the Layers panel and press Table to see its rows here.</source>
            <translation>Elija una capa en el panel Capas y pulse Tabla para ver sus filas aquí.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/attribute_table.py" line="89" />
            <source>Filter rows…</source>
            <translation>Filtrar filas…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/attribute_table.py" line="90" />
            <source>Filter rows</source>
            <translation>Filtrar filas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/attribute_table.py" line="101" />
            <source>Features</source>
            <translation>Elementos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/attribute_table.py" line="112" />
            <source>Attribute table — {0}</source>
            <translation>Tabla de atributos — {0}</translation>
        </message>
    </context>
    <context>
        <name>BalanceDialog</name>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="42" />
            <location filename="../../assetmap/ui/territories_balance.py" line="43" />
            <source>Suggest a balanced plan</source>
            <translation>Sugerir un plan equilibrado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="59" />
            <source>Start from this plan and keep its &amp;locked teams</source>
            <translation>Partir de este plan y mantener sus equipos &amp;bloqueados</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="60" />
            <source>Start from this plan</source>
            <translation>Partir de este plan</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="62" />
            <source>{0} balanced</source>
            <translation>{0} equilibrado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="65" />
            <source>{0} balanced {1}</source>
            <translation>{0} equilibrado {1}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="67" />
            <source>&amp;Workload field</source>
            <translation>&amp;Campo de carga de trabajo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="67" />
            <source>Workload field</source>
            <translation>Campo de carga de trabajo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="68" />
            <source>&amp;Teams</source>
            <translation>&amp;Equipos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="68" />
            <source>Number of teams</source>
            <translation>Número de equipos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="69" />
            <source>T&amp;olerance</source>
            <translation>&amp;Tolerancia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="69" />
            <source>Tolerance</source>
            <translation>Tolerancia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="70" />
            <source>&amp;Seed</source>
            <translation>&amp;Semilla</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="70" />
            <source>Random seed</source>
            <translation>Semilla aleatoria</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="74" />
            <source>How far (in %) a team's workload may be from an equal share</source>
            <translation>Cuánto (en %) puede alejarse la carga de trabajo de un equipo de un reparto igual</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="75" />
            <source>The same seed gives the same suggestion again</source>
            <translation>La misma semilla vuelve a dar la misma sugerencia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="77" />
            <source>New plan &amp;name</source>
            <translation>&amp;Nombre del plan nuevo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_balance.py" line="78" />
            <source>New plan name</source>
            <translation>Nombre del plan nuevo</translation>
        </message>
        <message>
            <source>Attach each to its nearest neighbour's team</source>
            <translation>Unir cada una al equipo de su vecina más cercana</translation>
        </message>
        <message>
            <source>Leave them unassigned, to give to a team by hand</source>
            <translation>Dejarlas sin asignar, para darlas a un equipo a mano</translation>
        </message>
        <message>
            <source>Units that touch no other</source>
            <translation>Unidades que no tocan ninguna otra</translation>
        </message>
        <message>
            <source>One area touches no other: {0}.</source>
            <translation>Un área no toca ninguna otra: {0}.</translation>
        </message>
        <message>
            <source>{0} areas touch none of the others: {1}.</source>
            <translation>{0} áreas no tocan ninguna de las demás: {1}.</translation>
        </message>
        <message>
            <source>&amp;Islands</source>
            <translation>&amp;Islas</translation>
        </message>
    </context>
    <context>
        <name>CategoryTable</name>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="14" />
            <source>Circle</source>
            <translation>Círculo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="15" />
            <source>Square</source>
            <translation>Cuadrado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="16" />
            <source>Triangle</source>
            <translation>Triángulo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="17" />
            <source>Diamond</source>
            <translation>Rombo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="31" />
            <source>Categories</source>
            <translation>Categorías</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="32" />
            <source>Each value of the field with its colour and point symbol</source>
            <translation>Cada valor del campo con su color y su símbolo del punto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="33" />
            <source>Value</source>
            <translation>Valor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="33" />
            <source>Colour</source>
            <translation>Color</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="33" />
            <source>Symbol</source>
            <translation>Símbolo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="54" />
            <location filename="../../assetmap/ui/style_categories.py" line="94" />
            <source>Colour for {0}</source>
            <translation>Color de {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_categories.py" line="58" />
            <source>Symbol for {0}</source>
            <translation>Símbolo de {0}</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="111" />
            <location filename="../../assetmap/ui/report_maps.py" line="112" />
            <source>Compare two report layers</source>
            <translation>Comparar dos capas de reportes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="116" />
            <source>First layer (across)</source>
            <translation>Primera capa (horizontal)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="116" />
            <source>Second layer (up)</source>
            <translation>Segunda capa (vertical)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="117" />
            <source>Period</source>
            <translation>Período</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="124" />
            <source>&amp;Across (orange)</source>
            <translation>&amp;Horizontal (naranja)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="124" />
            <source>&amp;Up (blue)</source>
            <translation>&amp;Vertical (azul)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="125" />
            <source>&amp;Period</source>
            <translation>&amp;Período</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="130" />
            <source>Both layers must count over the same areas. Units withheld (1–10) in either layer get no class and are hatched.</source>
            <translation>Las dos capas deben contar sobre las mismas áreas. Las unidades retenidas (1–10) en cualquiera de las dos capas no reciben clase y se muestran rayadas.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="23" />
            <location filename="../../assetmap/ui/territories_compare.py" line="24" />
            <source>Compare plans</source>
            <translation>Comparar planes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="37" />
            <source>First plan</source>
            <translation>Primer plan</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="38" />
            <source>Second plan</source>
            <translation>Segundo plan</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="39" />
            <source>&amp;Plan</source>
            <translation>&amp;Plan</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="39" />
            <source>&amp;with</source>
            <translation>&amp;con</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="48" />
            <source>Team figures of both plans</source>
            <translation>Cifras por equipo de ambos planes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="53" />
            <source>Units that differ</source>
            <translation>Unidades que difieren</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="55" />
            <source>&amp;Show the differing units on the map</source>
            <translation>&amp;Mostrar en el mapa las unidades que cambian</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="56" />
            <source>Show the differing units on the map</source>
            <translation>Mostrar en el mapa las unidades que cambian</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="68" />
            <source>These plans are over different areas layers and can't be compared.</source>
            <translation>Estos planes usan capas de áreas distintas y no se pueden comparar.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_compare.py" line="78" />
            <source>Team</source>
            <translation>Equipo</translation>
        </message>
        <message numerus="yes">
            <location filename="../../assetmap/ui/territories_compare.py" line="87" />
            <source>%n unit(s) differ</source>
            <translation>
                <numerusform>%n unidad difiere</numerusform>
                <numerusform>%n unidades difieren</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="96" />
            <source>Merge conflicts</source>
            <translation>Conflictos al combinar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="103" />
            <source>Conflicting answers</source>
            <translation>Respuestas en conflicto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="104" />
            <source>Entry</source>
            <translation>Registro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="104" />
            <source>Question</source>
            <translation>Pregunta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="104" />
            <source>In the project</source>
            <translation>En el proyecto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="105" />
            <source>In the package</source>
            <translation>En el paquete</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="105" />
            <source>Package by</source>
            <translation>Paquete de</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="111" />
            <source>Keep the &amp;project's version</source>
            <translation>Conservar la versión del &amp;proyecto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="112" />
            <source>Keep the p&amp;ackage's version</source>
            <translation>Conservar la versión del p&amp;aquete</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="118" />
            <source>&amp;Close</source>
            <translation>&amp;Cerrar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="135" />
            <location filename="../../assetmap/ui/survey/dialogs.py" line="136" />
            <source>deleted</source>
            <translation>borrado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="135" />
            <location filename="../../assetmap/ui/survey/dialogs.py" line="136" />
            <source>kept</source>
            <translation>conservado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="144" />
            <source>Nothing has been overwritten. Choose which version to keep for each entry.</source>
            <translation>No se ha sobrescrito nada. Elija qué versión conservar para cada registro.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="145" />
            <source>No conflicts are waiting.</source>
            <translation>No hay conflictos pendientes.</translation>
        </message>
    </context>
    <context>
        <name>DateEditor</name>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="99" />
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-DD</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="102" />
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="103" />
            <source>Set the date to today</source>
            <translation>Poner la fecha de hoy</translation>
        </message>
    </context>
    <context>
        <name>DockHelp</name>
        <message>
            <location filename="../../assetmap/ui/accessible.py" line="29" />
            <source>Hint</source>
            <translation>Sugerencia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/accessible.py" line="35" />
            <source>What is this panel for?</source>
            <translation>¿Para qué sirve este panel?</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/accessible.py" line="36" />
            <source>Help about the {0} panel</source>
            <translation>Ayuda sobre el panel {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/accessible.py" line="48" />
            <source>Help</source>
            <translation>Ayuda</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="24" />
            <source>assetmap</source>
            <translation>assetmap</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="26" />
            <source>Error message</source>
            <translation>Mensaje de error</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="38" />
            <source>Check the file or the choice named above and try again.</source>
            <translation>Revise el archivo o la opción indicada arriba e inténtelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="41" />
            <source>“{0}” needed more memory than this computer has free.</source>
            <translation>«{0}» necesitó más memoria de la que tiene libre esta computadora.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="43" />
            <source>Close other programs and try again, or use a smaller file.</source>
            <translation>Cierre otros programas e inténtelo de nuevo, o use un archivo más pequeño.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="45" />
            <source>“{0}” could not read or write a file.</source>
            <translation>«{0}» no pudo leer o escribir un archivo.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="46" />
            <source>Check that the file exists, is not open in another program, and that the disk is not full; then try again.</source>
            <translation>Compruebe que el archivo existe, que no está abierto en otro programa y que el disco no está lleno; luego inténtelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="48" />
            <source>“{0}” stopped because of an unexpected problem.</source>
            <translation>«{0}» se detuvo por un problema inesperado.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="49" />
            <source>Your project was left as it was. Try again; if it happens again, press Show Details and send that text to whoever supports assetmap for you.</source>
            <translation>Su proyecto quedó como estaba. Inténtelo de nuevo; si vuelve a pasar, pulse Mostrar detalles y envíe ese texto a quien le dé soporte con assetmap.</translation>
        </message>
    </context>
    <context>
        <name>ExportMapDialog</name>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="20" />
            <source>A4 (210 × 297 mm)</source>
            <translation>A4 (210 × 297 mm)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="21" />
            <source>Letter (8.5 × 11 in)</source>
            <translation>Carta (8.5 × 11 pulg.)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="22" />
            <source>Legal (8.5 × 14 in)</source>
            <translation>Legal (8.5 × 14 pulg.)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="23" />
            <source>A3 (297 × 420 mm)</source>
            <translation>A3 (297 × 420 mm)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="24" />
            <source>Tabloid (11 × 17 in)</source>
            <translation>Tabloide (11 × 17 pulg.)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="25" />
            <source>Custom size</source>
            <translation>Tamaño personalizado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="26" />
            <source>PDF document</source>
            <translation>Documento PDF</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="27" />
            <location filename="../../assetmap/ui/export_dialog.py" line="184" />
            <source>PNG image</source>
            <translation>Imagen PNG</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="28" />
            <source>Interactive web page (HTML, works offline)</source>
            <translation>Página web interactiva (HTML, funciona sin conexión)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="29" />
            <source>millimetres</source>
            <translation>milímetros</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="30" />
            <source>inches</source>
            <translation>pulgadas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="31" />
            <source>pixels</source>
            <translation>píxeles</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="60" />
            <location filename="../../assetmap/ui/export_dialog.py" line="61" />
            <location filename="../../assetmap/ui/export_dialog.py" line="186" />
            <location filename="../../assetmap/ui/export_dialog.py" line="227" />
            <source>Export map</source>
            <translation>Exportar mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="64" />
            <source>File to write</source>
            <translation>Archivo de destino</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="65" />
            <source>e.g. partnership-map.pdf</source>
            <translation>p. ej. mapa-alianza.pdf</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="66" />
            <source>&amp;Browse…</source>
            <translation>&amp;Examinar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="67" />
            <source>Choose the file to write</source>
            <translation>Elegir el archivo de destino</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="72" />
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="73" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="74" />
            <source>F&amp;ormat</source>
            <translation>&amp;Formato</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="75" />
            <source>Page size</source>
            <translation>Tamaño de página</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="77" />
            <source>&amp;Page size</source>
            <translation>Tamaño de &amp;página</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="79" />
            <source>Orientation</source>
            <translation>Orientación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="80" />
            <source>Landscape</source>
            <translation>Horizontal</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="81" />
            <source>Portrait</source>
            <translation>Vertical</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="82" />
            <source>Orie&amp;ntation</source>
            <translation>&amp;Orientación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="84" />
            <source>Custom width</source>
            <translation>Ancho personalizado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="84" />
            <source>Custom height</source>
            <translation>Alto personalizado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="90" />
            <source>Unit of the custom size</source>
            <translation>Unidad del tamaño personalizado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="96" />
            <source>Custom si&amp;ze</source>
            <translation>Tamaño personali&amp;zado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="100" />
            <source>dpi</source>
            <translation>ppp</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="101" />
            <source>Resolution in dots per inch</source>
            <translation>Resolución en puntos por pulgada</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="102" />
            <source>&amp;Resolution</source>
            <translation>&amp;Resolución</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="104" />
            <source>Size of the result</source>
            <translation>Tamaño del resultado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="107" />
            <source>Map title</source>
            <translation>Título del mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="108" />
            <source>&amp;Title</source>
            <translation>&amp;Título</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="110" />
            <source>Layers on the map</source>
            <translation>Capas del mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="111" />
            <source>Tick the layers to put on the map; the top one is drawn on top.</source>
            <translation>Marque las capas que quiere poner en el mapa; la de más arriba se dibuja encima.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="120" />
            <source>&amp;Layers</source>
            <translation>&amp;Capas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="121" />
            <source>A background map (online tiles or an MBTiles file) is not part of the export: the exported map works without internet.</source>
            <translation>El mapa de fondo (teselas de internet o un archivo MBTiles) no forma parte de la exportación: el mapa exportado funciona sin internet.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="127" />
            <source>&amp;Export</source>
            <translation>E&amp;xportar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="176" />
            <source>A web page fits any screen: size and resolution don't apply.</source>
            <translation>Una página web se adapta a cualquier pantalla: el tamaño y la resolución no se aplican.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="180" />
            <source>{0} × {1} mm, {2} × {3} pixels</source>
            <translation>{0} × {1} mm, {2} × {3} píxeles</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="184" />
            <source>Web page</source>
            <translation>Página web</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="201" />
            <source>No file is chosen to export to.</source>
            <translation>No se eligió ningún archivo para exportar.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="202" />
            <source>Type a file name or use Browse….</source>
            <translation>Escriba un nombre de archivo o use Examinar….</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="207" />
            <source>Can't export a map as '{0}'.</source>
            <translation>No se puede exportar un mapa como «{0}».</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="208" />
            <source>Name the file .pdf, .png or .html.</source>
            <translation>Ponga al archivo la extensión .pdf, .png o .html.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="210" />
            <source>The folder {0} does not exist.</source>
            <translation>La carpeta {0} no existe.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="211" />
            <source>Choose a folder that exists.</source>
            <translation>Elija una carpeta que exista.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="214" />
            <source>No layer is ticked.</source>
            <translation>No hay ninguna capa marcada.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="214" />
            <source>Tick at least one layer to put on the map.</source>
            <translation>Marque al menos una capa para poner en el mapa.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="217" />
            <source>The page is {0:.1f} × {1:.1f} inches: too small or too large.</source>
            <translation>La página mide {0:.1f} × {1:.1f} pulgadas: es demasiado pequeña o demasiado grande.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/export_dialog.py" line="218" />
            <source>Use a size between 13 mm and 2.5 m (0.5 to 100 inches) on each side.</source>
            <translation>Use un tamaño de entre 13 mm y 2.5 m (de 0.5 a 100 pulgadas) por lado.</translation>
        </message>
    </context>
    <context>
        <name>FeatureDocks</name>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="24" />
            <source>Paint territories on the map</source>
            <translation>Pintar territorios en el mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="27" />
            <source>Click or drag across neighbourhoods to give them to the team chosen in the Territories panel</source>
            <translation>Haga clic o arrastre sobre los barrios para asignarlos al equipo elegido en el panel Territorios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="30" />
            <source>Assign with a drawn polygon</source>
            <translation>Asignar con un polígono dibujado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="32" />
            <source>Click corners on the map, double-click to finish: the units mostly inside go to the current team</source>
            <translation>Haga clic en las esquinas en el mapa y doble clic para terminar: las unidades que queden casi del todo dentro pasan al equipo actual</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="55" />
            <source>Click the map where the hub is.</source>
            <translation>Haga clic en el mapa donde está el centro.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="60" />
            <source>Click the map at the family's location (it is never saved).</source>
            <translation>Haga clic en el mapa donde está la familia (ese lugar nunca se guarda).</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="108" />
            <location filename="../../assetmap/ui/feature_docks.py" line="133" />
            <source>Open or create a plan in the Territories panel first.</source>
            <translation>Primero abra o cree un plan en el panel Territorios.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="115" />
            <source>Painting: click or drag across neighbourhoods to assign them.</source>
            <translation>Pintando: haga clic o arrastre sobre los barrios para asignarlos.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="139" />
            <source>Click the polygon's corners; double-click to finish, Esc to give up.</source>
            <translation>Haga clic en las esquinas del polígono; doble clic para terminar, Esc para desistir.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="144" />
            <source>Polygon given up: nothing was assigned.</source>
            <translation>Polígono descartado: no se asignó nada.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../assetmap/ui/feature_docks.py" line="163" />
            <source>%n area(s) assigned.</source>
            <translation>
                <numerusform>%n área asignada.</numerusform>
                <numerusform>%n áreas asignadas.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../assetmap/ui/feature_docks.py" line="212" />
            <source>%n unit(s) differ between the plans: outlined on the map.</source>
            <translation>
                <numerusform>%n unidad cambia entre los planes: resaltada en el mapa.</numerusform>
                <numerusform>%n unidades cambian entre los planes: resaltadas en el mapa.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="233" />
            <source>unassigned</source>
            <translation>sin asignar</translation>
        </message>
        <message>
            <source>Open or create a plan in the Territories panel first (New plan…).</source>
            <translation>Abra o cree primero un plan en el panel Territorios (Nuevo plan…).</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="38" />
            <source>Paint territories</source>
            <translation>Pintar territorios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="39" />
            <source>click or drag across neighbourhoods</source>
            <translation>haga clic o arrastre sobre los barrios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="43" />
            <source>Draw a polygon</source>
            <translation>Dibujar un polígono</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="44" />
            <source>click the corners, double-click to finish</source>
            <translation>haga clic en las esquinas, doble clic para terminar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="47" />
            <source>Place a hub</source>
            <translation>Ubicar un centro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="47" />
            <source>click the map where the hub is</source>
            <translation>haga clic en el mapa donde está el centro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="50" />
            <source>Pick the family's spot</source>
            <translation>Marcar el lugar de la familia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="51" />
            <source>click the map at the family's location (it is never saved)</source>
            <translation>haga clic en el mapa donde está la familia (ese lugar nunca se guarda)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="91" />
            <source>click the hub's new place on the map</source>
            <translation>haga clic en el nuevo lugar del centro en el mapa</translation>
        </message>
    </context>
    <context>
        <name>FinderDock</name>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="30" />
            <source>Resource finder</source>
            <translation>Buscador de recursos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="32" />
            <location filename="../../assetmap/ui/hubs_finder.py" line="37" />
            <source>Resource finder panel</source>
            <translation>Panel del buscador de recursos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="41" />
            <source>Finds the resource hubs and community assets nearest to a family, for a family team meeting.

Choose the family's neighbourhood under From, or press Pick on map and click near where the family lives (that spot is never saved; Forget spot drops it). Tick the services the family needs and press Find. Referral sheet… saves a one-page PDF to print or hand over.</source>
            <translation>Busca los centros de recursos y los recursos comunitarios más cercanos a una familia, para una reunión del equipo con la familia.

Elija el barrio de la familia en Desde, o pulse Marcar en el mapa y haga clic cerca de donde vive la familia (ese lugar nunca se guarda; Olvidar lugar lo descarta). Marque los servicios que necesita la familia y pulse Buscar. Hoja de derivación… guarda un PDF de una página para imprimir o entregar.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="47" />
            <source>No services to choose yet: add resource hubs with their services first.</source>
            <translation>Aún no hay servicios para elegir: primero agregue centros de recursos con sus servicios.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="50" />
            <source>From (neighbourhood or picked spot)</source>
            <translation>Desde (barrio o lugar marcado)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="51" />
            <source>Pick on map</source>
            <translation>Marcar en el mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="52" />
            <source>Pick the family's spot on the map</source>
            <translation>Marcar en el mapa el lugar de la familia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="53" />
            <source>Forget spot</source>
            <translation>Olvidar lugar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="54" />
            <source>Forget the picked spot</source>
            <translation>Olvidar el lugar marcado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="58" />
            <source>&amp;From</source>
            <translation>&amp;Desde</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="61" />
            <source>&amp;Services the family needs</source>
            <translation>&amp;Servicios que necesita la familia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="64" />
            <source>Services the family needs</source>
            <translation>Servicios que necesita la familia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="77" />
            <source>Results for each service</source>
            <translation>Resultados por cada servicio</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="78" />
            <source>Find</source>
            <translation>Buscar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="79" />
            <source>Find the nearest resources</source>
            <translation>Buscar los recursos más cercanos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="80" />
            <source>Referral sheet…</source>
            <translation>Hoja de derivación…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="81" />
            <source>Save a referral sheet</source>
            <translation>Guardar una hoja de derivación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="82" />
            <source>&amp;Results each</source>
            <translation>&amp;Resultados por servicio</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="90" />
            <source>Nearest resources found</source>
            <translation>Recursos más cercanos encontrados</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="98" />
            <source>Save referral sheet</source>
            <translation>Guardar hoja de derivación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="122" />
            <source>The spot picked on the map</source>
            <translation>El lugar marcado en el mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="159" />
            <source>Nearest from &lt;b&gt;{0}&lt;/b&gt;:</source>
            <translation>Más cercanos desde &lt;b&gt;{0}&lt;/b&gt;:</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_finder.py" line="166" />
            <source>None in this project.</source>
            <translation>Ninguno en este proyecto.</translation>
        </message>
    </context>
    <context>
        <name>GeopointEditor</name>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="230" />
            <source>latitude, e.g. 38.627</source>
            <translation>latitud, p. ej. 38.627</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="231" />
            <source>Latitude</source>
            <translation>Latitud</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="233" />
            <source>longitude, e.g. -90.199</source>
            <translation>longitud, p. ej. -90.199</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="234" />
            <source>Longitude</source>
            <translation>Longitud</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="239" />
            <source>Pick on map</source>
            <translation>Marcar en el mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="240" />
            <source>Pick the location on the map</source>
            <translation>Marcar el lugar en el mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="245" />
            <source>Or choose the neighbourhood</source>
            <translation>O elija el barrio</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="246" />
            <location filename="../../assetmap/ui/survey/editors.py" line="254" />
            <source>— or choose the neighbourhood —</source>
            <translation>— o elija el barrio —</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="274" />
            <source>Give both latitude and longitude, or pick the place on the map.</source>
            <translation>Escriba la latitud y la longitud, o marque el lugar en el mapa.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="289" />
            <source>latitude</source>
            <translation>latitud</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="290" />
            <source>longitude</source>
            <translation>longitud</translation>
        </message>
    </context>
    <context>
        <name>HubForm</name>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="30" />
            <location filename="../../assetmap/ui/hubs_dock.py" line="31" />
            <source>Resource hub</source>
            <translation>Centro de recursos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="38" />
            <source>Mon-Fri 9am-5pm</source>
            <translation>Lun-Vie 9:00-17:00</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>&amp;Confidential (never drawn or exported, e.g. a DV shelter)</source>
            <translation>&amp;Confidencial (nunca se dibuja ni se exporta; p. ej., un refugio para víctimas de violencia doméstica)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="41" />
            <source>Confidential</source>
            <translation>Confidencial</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="44" />
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="44" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="45" />
            <source>&amp;Organisation</source>
            <translation>&amp;Organización</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="45" />
            <source>Organisation</source>
            <translation>Organización</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="47" />
            <source>(no service yet)</source>
            <translation>(aún sin servicio)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="50" />
            <source>&amp;Service offered</source>
            <translation>&amp;Servicio que ofrece</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="50" />
            <source>Service offered</source>
            <translation>Servicio que ofrece</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="51" />
            <source>&amp;Phone</source>
            <translation>&amp;Teléfono</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="51" />
            <source>Phone</source>
            <translation>Teléfono</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="51" />
            <source>H&amp;ours</source>
            <translation>&amp;Horario</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="51" />
            <source>Hours</source>
            <translation>Horario</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="52" />
            <source>&amp;Eligibility</source>
            <translation>&amp;Requisitos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="52" />
            <source>Eligibility</source>
            <translation>Requisitos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>4200 Labadie Ave</source>
            <translation>4200 Labadie Ave</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>MO</source>
            <translation>MO</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>Street &amp;address</source>
            <translation>Direcci&amp;ón (calle)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>Street address</source>
            <translation>Dirección (calle)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>Cit&amp;y</source>
            <translation>Ciuda&amp;d</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>City</source>
            <translation>Ciudad</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>S&amp;tate</source>
            <translation>Es&amp;tado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>Postal code (&amp;ZIP)</source>
            <translation>Código postal (&amp;ZIP)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="40" />
            <source>Postal code</source>
            <translation>Código postal</translation>
        </message>
    </context>
    <context>
        <name>HubsDock</name>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="74" />
            <location filename="../../assetmap/ui/hubs_dock.py" line="93" />
            <source>Resource hubs</source>
            <translation>Centros de recursos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="76" />
            <location filename="../../assetmap/ui/hubs_dock.py" line="81" />
            <source>Resource hubs panel</source>
            <translation>Panel de centros de recursos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="85" />
            <source>Resource hubs are places that help families: food pantries, clinics, family centres, after-school programmes.

Press Add…, fill in the hub's name and service, then click the map where it is. Choose a hub in the list to edit, move (then click its new place) or delete it. Tick Confidential for places that must stay secret, such as a DV shelter: they are never drawn or exported.</source>
            <translation>Los centros de recursos son lugares que ayudan a las familias: bancos de alimentos, clínicas, centros familiares, programas después de la escuela.

Pulse Agregar…, escriba el nombre y el servicio del centro y luego haga clic en el mapa donde está. Elija un centro de la lista para editarlo, moverlo (luego haga clic en su nuevo lugar) o borrarlo. Marque Confidencial para los lugares que deben mantenerse en secreto, como un refugio para víctimas de violencia doméstica: nunca se dibujan ni se exportan.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="91" />
            <source>No hubs yet: press Add… to put the first one on the map.</source>
            <translation>Aún no hay centros: pulse Agregar… para poner el primero en el mapa.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="96" />
            <source>Hubs status</source>
            <translation>Estado de los centros</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="98" />
            <source>Add…</source>
            <translation>Agregar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="99" />
            <source>Edit…</source>
            <translation>Editar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="100" />
            <source>Move</source>
            <translation>Mover</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="101" />
            <source>Delete</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="102" />
            <source>Add a hub</source>
            <translation>Agregar un centro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="102" />
            <source>Edit the chosen hub</source>
            <translation>Editar el centro elegido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="103" />
            <source>Move the chosen hub</source>
            <translation>Mover el centro elegido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="104" />
            <source>Delete the chosen hub</source>
            <translation>Borrar el centro elegido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="131" />
            <source>(no position)</source>
            <translation>(sin ubicación)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="168" />
            <source>Click the map where the hub is.</source>
            <translation>Haga clic en el mapa donde está el centro.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="174" />
            <source>Click the hub's new place on the map.</source>
            <translation>Haga clic en el nuevo lugar del centro en el mapa.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_dock.py" line="211" />
            <source>Not placed: press Add… or Move again to place it.</source>
            <translation>No se ubicó: pulse Agregar… o Mover otra vez para ubicarlo.</translation>
        </message>
    </context>
    <context>
        <name>HubsMenu</name>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="1" />
            <source>{0:.0%} (with confidential sites: withheld)</source>
            <translation>{0:.0%} (con sitios confidenciales: retenido)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="26" />
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="70" />
            <location filename="../../assetmap/ui/hubs_menu.py" line="71" />
            <location filename="../../assetmap/ui/hubs_menu.py" line="378" />
            <source>Catchment rings</source>
            <translation>Anillos de alcance</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="73" />
            <source>Distances</source>
            <translation>Distancias</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="74" />
            <source>One or more distances, e.g. 800m, 0.5mi, 1km</source>
            <translation>Una o más distancias, p. ej. 800m, 0.5mi, 1km</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="76" />
            <source>Rings around</source>
            <translation>Anillos alrededor de</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="77" />
            <source>each hub</source>
            <translation>cada centro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="78" />
            <source>each service category (all hubs offering it)</source>
            <translation>cada categoría de servicio (todos los centros que la ofrecen)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="80" />
            <source>Service categories</source>
            <translation>Categorías de servicio</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="90" />
            <source>Layer name</source>
            <translation>Nombre de la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="91" />
            <source>&amp;Distances:</source>
            <translation>&amp;Distancias:</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="92" />
            <source>Rings &amp;around:</source>
            <translation>Anillos &amp;alrededor de:</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="93" />
            <source>&amp;Categories (none ticked: all):</source>
            <translation>&amp;Categorías (ninguna marcada: todas):</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="94" />
            <source>&amp;Layer name:</source>
            <translation>&amp;Nombre de la capa:</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="104" />
            <source>Give at least one distance.</source>
            <translation>Indique al menos una distancia.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="105" />
            <source>For example: 0.5mi, 1mi</source>
            <translation>Por ejemplo: 0.5mi, 1mi</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="125" />
            <location filename="../../assetmap/ui/hubs_menu.py" line="126" />
            <location filename="../../assetmap/ui/hubs_menu.py" line="402" />
            <source>Access gaps</source>
            <translation>Brechas de acceso</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="128" />
            <source>Need layer</source>
            <translation>Capa de necesidad</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="133" />
            <source>Need field</source>
            <translation>Campo de necesidad</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="136" />
            <source>Service</source>
            <translation>Servicio</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="140" />
            <source>Within</source>
            <translation>A menos de</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="141" />
            <source>Empty: farther than the median distance counts as low access</source>
            <translation>Vacío: más lejos que la distancia mediana cuenta como acceso bajo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="142" />
            <source>Need: &amp;layer</source>
            <translation>Necesidad: &amp;capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="143" />
            <source>Need: &amp;field</source>
            <translation>Necesidad: c&amp;ampo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="144" />
            <source>&amp;Service</source>
            <translation>&amp;Servicio</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="145" />
            <source>Access means &amp;within</source>
            <translation>Acceso significa a &amp;menos de</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="164" />
            <source>There is no area layer with numbers to measure need.</source>
            <translation>No hay ninguna capa de áreas con números para medir la necesidad.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="165" />
            <source>Import report counts or an area layer with a numeric field first.</source>
            <translation>Importe primero conteos de reportes o una capa de áreas con un campo numérico.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="195" />
            <source>Access gaps: {0}</source>
            <translation>Brechas de acceso: {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="196" />
            <source>Access gaps table</source>
            <translation>Tabla de brechas de acceso</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="198" />
            <source>{0} area(s) with high need (at least {1:g}) and no {2} within {3}.</source>
            <translation>{0} área(s) con necesidad alta (al menos {1:g}) y sin {2} a menos de {3}.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="202" />
            <source>Rank</source>
            <translation>Posición</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="202" />
            <source>Area</source>
            <translation>Área</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="202" />
            <source>Need</source>
            <translation>Necesidad</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="203" />
            <source>Distance</source>
            <translation>Distancia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="203" />
            <source>Nearest hub</source>
            <translation>Centro más cercano</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="204" />
            <source>Gap</source>
            <translation>Brecha</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="206" />
            <source>Ranked areas</source>
            <translation>Áreas ordenadas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="211" />
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="218" />
            <source>&amp;Save as CSV…</source>
            <translation>&amp;Guardar como CSV…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="234" />
            <source>Save the table</source>
            <translation>Guardar la tabla</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="248" />
            <source>Hubs</source>
            <translation>Centros de recursos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="249" />
            <source>Open or create a project first.</source>
            <translation>Primero abra o cree un proyecto.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="283" />
            <source>Import an Open Referral (HSDS) package: its datapackage.json or .zip</source>
            <translation>Importar un paquete de Open Referral (HSDS): su datapackage.json o .zip</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="284" />
            <source>HSDS package (datapackage.json *.zip)</source>
            <translation>Paquete HSDS (datapackage.json *.zip)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="291" />
            <source>Import Open Referral directory</source>
            <translation>Importar directorio de Open Referral</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="301" />
            <source>Open Referral import</source>
            <translation>Importación de Open Referral</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="313" />
            <source>Import the package anyway, leaving these locations without a position on the map? You can place them later in the Hubs panel (Move).</source>
            <translation>¿Importar el paquete de todos modos, dejando estos lugares sin posición en el mapa? Puede ubicarlos después en el panel de centros (Mover).</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="336" />
            <source>Export the public directory (HSDS) into this folder</source>
            <translation>Exportar el directorio público (HSDS) a esta carpeta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="344" />
            <source>Writing the Open Referral tables</source>
            <translation>Escribiendo las tablas de Open Referral</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="348" />
            <source>Wrote the Open Referral package to {0}: {1}</source>
            <translation>Se escribió el paquete de Open Referral en {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="351" />
            <source>Export Open Referral directory</source>
            <translation>Exportar directorio de Open Referral</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="366" />
            <source>Drawing the rings</source>
            <translation>Dibujando los anillos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="375" />
            <source>{0} catchment ring(s) in layer '{1}' (public hubs only).</source>
            <translation>{0} anillo(s) de alcance en la capa '{1}' (solo centros públicos).</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="392" />
            <source>Measuring need and access</source>
            <translation>Midiendo necesidad y acceso</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="416" />
            <location filename="../../assetmap/ui/hubs_menu.py" line="425" />
            <location filename="../../assetmap/ui/hubs_menu.py" line="455" />
            <location filename="../../assetmap/ui/hubs_menu.py" line="460" />
            <source>Coverage</source>
            <translation>Cobertura</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="417" />
            <source>Within what distance of a hub? (e.g. 1mi, 800m)</source>
            <translation>¿A qué distancia de un centro? (p. ej. 1mi, 800m)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="444" />
            <source>Within {0} of a public hub (with confidential sites):</source>
            <translation>A menos de {0} de un centro público (con los sitios confidenciales):</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="448" />
            <source>{0:.0%} ({1:.0%}) of people</source>
            <translation>{0:.0%} ({1:.0%}) de las personas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="451" />
            <source>{0:.0%} ({1:.0%}) of the average area</source>
            <translation>{0:.0%} ({1:.0%}) del área promedio</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="467" />
            <source>&amp;Hubs</source>
            <translation>Rec&amp;ursos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="472" />
            <source>&amp;Import Open Referral directory (HSDS)…</source>
            <translation>&amp;Importar directorio de Open Referral (HSDS)…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="473" />
            <source>&amp;Export Open Referral directory (HSDS)…</source>
            <translation>&amp;Exportar directorio de Open Referral (HSDS)…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="474" />
            <source>&amp;Catchment rings…</source>
            <translation>Anillos de &amp;alcance…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="475" />
            <source>C&amp;overage: who is within reach…</source>
            <translation>C&amp;obertura: quién está al alcance…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/hubs_menu.py" line="476" />
            <source>&amp;Access gaps: high need, no service near…</source>
            <translation>&amp;Brechas de acceso: necesidad alta, sin servicio cerca…</translation>
        </message>
        <message>
            <source>Leave them without a position</source>
            <translation>Dejarlas sin posición</translation>
        </message>
        <message>
            <source>Locations with a street address but no coordinates: place them (offline) with the locator</source>
            <translation>Ubicaciones con dirección pero sin coordenadas: ubicarlas (sin conexión) con el localizador</translation>
        </message>
    </context>
    <context>
        <name>IndicatorsDialog</name>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="64" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="89" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="341" />
            <source>Indicators</source>
            <translation>Indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="65" />
            <source>Indicator definitions</source>
            <translation>Definiciones de los indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="92" />
            <source>Add from defaults</source>
            <translation>Agregar de los predeterminados</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="93" />
            <source>Add an indicator from the defaults</source>
            <translation>Agregar un indicador predeterminado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="98" />
            <source>New…</source>
            <translation>Nuevo…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="99" />
            <source>New indicator from scratch</source>
            <translation>Nuevo indicador desde cero</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="100" />
            <source>Choose what to count, what to divide by, per how many, and the target</source>
            <translation>Elija qué contar, entre qué dividir, por cada cuántos y la meta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="103" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="104" />
            <source>Remove the indicator</source>
            <translation>Quitar el indicador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="115" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="158" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="117" />
            <source>Indicator id</source>
            <translation>Identificador del indicador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="118" />
            <source>Unit layer</source>
            <translation>Capa de unidades</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="120" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="159" />
            <source>Method</source>
            <translation>Método</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="121" />
            <source>Report counts (an aggregate layer)</source>
            <translation>Conteo de reportes (una capa agregada)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="122" />
            <source>Count of public features in each unit</source>
            <translation>Conteo de elementos públicos en cada unidad</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="123" />
            <source>Residents near a public hub</source>
            <translation>Residentes cerca de un centro público</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="124" />
            <source>Survey coverage (unit visited or not)</source>
            <translation>Cobertura de la encuesta (unidad visitada o no)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="127" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="160" />
            <source>Numerator layer</source>
            <translation>Capa del numerador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="129" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="161" />
            <source>Numerator field</source>
            <translation>Campo del numerador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="130" />
            <source>count (report layers); empty: count features</source>
            <translation>count (capas de reportes); vacío: contar elementos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="132" />
            <source>Filter field</source>
            <translation>Campo de filtro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="134" />
            <source>Filter value</source>
            <translation>Valor de filtro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="135" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="163" />
            <source>Denominator field</source>
            <translation>Campo del denominador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="138" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="163" />
            <source>Per</source>
            <translation>Por cada</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="142" />
            <source>Period</source>
            <translation>Período</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="143" />
            <source>By period (the numerator layer's periods)</source>
            <translation>Por período (los períodos de la capa del numerador)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="144" />
            <source>One snapshot (as the layers are now)</source>
            <translation>Una sola foto (las capas como están ahora)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="147" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="164" />
            <source>Direction</source>
            <translation>Sentido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="148" />
            <source>Higher is better</source>
            <translation>Más alto es mejor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="149" />
            <source>Higher is worse</source>
            <translation>Más alto es peor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="151" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="165" />
            <source>Target</source>
            <translation>Meta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="152" />
            <source>none</source>
            <translation>ninguna</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="154" />
            <source>Unit label</source>
            <translation>Etiqueta de la unidad</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="156" />
            <location filename="../../assetmap/ui/indicators_dialog.py" line="166" />
            <source>Source</source>
            <translation>Fuente</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="158" />
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="159" />
            <source>Units (areas layer)</source>
            <translation>Unidades (capa de áreas)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="162" />
            <source>Only where field</source>
            <translation>Solo donde el campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="162" />
            <source>equals</source>
            <translation>es igual a</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="164" />
            <source>Periods</source>
            <translation>Períodos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="165" />
            <source>Values read as</source>
            <translation>Valores expresados como</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="175" />
            <source>Save or cancel</source>
            <translation>Guardar o cancelar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="191" />
            <source>(none: the value is the count)</source>
            <translation>(ninguno: el valor es el conteo)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dialog.py" line="283" />
            <source>Every default indicator is in the list</source>
            <translation>Todos los indicadores predeterminados ya están en la lista</translation>
        </message>
    </context>
    <context>
        <name>IndicatorsDock</name>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="43" />
            <source>Indicators</source>
            <translation>Indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="44" />
            <source>Indicators dashboard</source>
            <translation>Tablero de indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="66" />
            <source>Indicator</source>
            <translation>Indicador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="67" />
            <source>The indicator shown on the map, the chart and the table</source>
            <translation>El indicador que se muestra en el mapa, el gráfico y la tabla</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="70" />
            <source>Recompute</source>
            <translation>Recalcular</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="71" />
            <source>Recompute the indicators</source>
            <translation>Recalcular los indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="74" />
            <source>Overview…</source>
            <translation>Vista general…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="75" />
            <source>Open the overview of small maps</source>
            <translation>Abrir la vista general de mapas pequeños</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="76" />
            <source>Small maps of every indicator, or of every period of one</source>
            <translation>Mapas pequeños de cada indicador, o de cada período de uno</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="81" />
            <source>Indicator period</source>
            <translation>Período del indicador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="85" />
            <source>City-wide value</source>
            <translation>Valor de toda la ciudad</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="95" />
            <source>Sort the table</source>
            <translation>Ordenar la tabla</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="96" />
            <source>Highest value first</source>
            <translation>Valor más alto primero</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="96" />
            <source>Lowest value first</source>
            <translation>Valor más bajo primero</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="97" />
            <source>Largest rise since the previous period first</source>
            <translation>Mayor subida desde el período anterior primero</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="98" />
            <source>Largest fall since the previous period first</source>
            <translation>Mayor bajada desde el período anterior primero</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="103" />
            <source>Units ranked</source>
            <translation>Unidades ordenadas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="104" />
            <source>Rank</source>
            <translation>Posición</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="104" />
            <source>Neighbourhood</source>
            <translation>Barrio</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="104" />
            <source>Value</source>
            <translation>Valor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="105" />
            <source>Change</source>
            <translation>Cambio</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="118" />
            <source>“1–10 (withheld)”: a count of 1 to 10 reports is suppressed to protect families; it is hatched on the map and a gap in the chart.</source>
            <translation>«1–10 (retenido)»: un conteo de 1 a 10 reportes se suprime para proteger a las familias; aparece rayado en el mapa y como un hueco en el gráfico.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="120" />
            <source>Suppression note</source>
            <translation>Nota sobre la supresión</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="165" />
            <source>Computing the indicators…</source>
            <translation>Calculando los indicadores…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="166" />
            <source>Computing the indicators</source>
            <translation>Calculando los indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="174" />
            <source>Cancelled.</source>
            <translation>Cancelado.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="227" />
            <source>City-wide, {period}: {value} {label}</source>
            <translation>Toda la ciudad, {period}: {value} {label}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_dock.py" line="291" />
            <source>Withheld: 1 to 10 reports, suppressed to protect families</source>
            <translation>Retenido: de 1 a 10 reportes, suprimido para proteger a las familias</translation>
        </message>
    </context>
    <context>
        <name>IndicatorsFeature</name>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="39" />
            <source>&amp;Reports</source>
            <translation>&amp;Reportes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="41" />
            <source>&amp;Partnership report…</source>
            <translation>&amp;Informe de la alianza…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="42" />
            <source>The quarterly report for partners: a map and a table per indicator (PDF or HTML)</source>
            <translation>El informe trimestral para los socios: un mapa y una tabla por indicador (PDF o HTML)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="43" />
            <source>Export &amp;indicator table (CSV)…</source>
            <translation>Exportar &amp;tabla de indicadores (CSV)…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="44" />
            <source>Every indicator per neighbourhood and period; withheld values are empty</source>
            <translation>Cada indicador por barrio y período; los valores retenidos quedan vacíos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="45" />
            <source>&amp;Edit indicators…</source>
            <translation>&amp;Editar indicadores…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="46" />
            <source>What the partnership measures: name, numerator, denominator, target</source>
            <translation>Lo que mide la alianza: nombre, numerador, denominador, meta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="69" />
            <source>Open a project first (File › Open project).</source>
            <translation>Primero abra un proyecto (Archivo › Abrir proyecto).</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="78" />
            <location filename="../../assetmap/ui/indicators_feature.py" line="99" />
            <source>Indicators</source>
            <translation>Indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="96" />
            <source>edit indicators</source>
            <translation>editar indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="108" />
            <source>Partnership report</source>
            <translation>Informe de la alianza</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="118" />
            <source>There are no indicators yet: import report files (File › Import sensitive reports), assets, hubs or a survey first.</source>
            <translation>Aún no hay indicadores: primero importe archivos de reportes (Archivo › Importar reportes sensibles), recursos, centros o una encuesta.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="137" />
            <source>Partnership report saved: {path}</source>
            <translation>Informe de la alianza guardado: {path}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="139" />
            <source>Making the partnership report</source>
            <translation>Preparando el informe de la alianza</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="148" />
            <source>Export indicator table</source>
            <translation>Exportar tabla de indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="153" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_feature.py" line="165" />
            <source>Indicator table saved: {path}</source>
            <translation>Tabla de indicadores guardada: {path}</translation>
        </message>
    </context>
    <context>
        <name>LayersPanel</name>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="37" />
            <source>Layers</source>
            <translation>Capas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="39" />
            <location filename="../../assetmap/ui/layers_panel.py" line="42" />
            <source>Layers panel</source>
            <translation>Panel de capas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="46" />
            <source>Everything drawn on the map is a layer: neighbourhood boundaries, community assets, resource hubs, report counts.

Tick a layer to show it, untick to hide it. Layers higher in the list are drawn on top: drag a layer up or down to change that. Choose a layer, then use the buttons to change its colours (Style), see its rows (Table), zoom to it, rename or remove it. Every change can be undone with Edit › Undo.</source>
            <translation>Todo lo que se dibuja en el mapa es una capa: límites de barrios, recursos comunitarios, centros de recursos, conteos de reportes.

Marque una capa para mostrarla y desmárquela para ocultarla. Las capas más arriba en la lista se dibujan encima: arrastre una capa hacia arriba o hacia abajo para cambiarlo. Elija una capa y use los botones para cambiar sus colores (Estilo), ver sus filas (Tabla), acercarse a ella, cambiarle el nombre o quitarla. Todo cambio se puede deshacer con Editar › Deshacer.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="52" />
            <source>No layers yet: use File › Import layer… or drop a file on the map.</source>
            <translation>Aún no hay capas: use Archivo › Importar capa… o suelte un archivo sobre el mapa.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="54" />
            <source>Layer list</source>
            <translation>Lista de capas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="55" />
            <source>Tick to show a layer; drag to change the drawing order</source>
            <translation>Marque para mostrar una capa; arrastre para cambiar el orden de dibujo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="64" />
            <source>&amp;Opacity</source>
            <translation>&amp;Opacidad</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="68" />
            <source>Layer opacity</source>
            <translation>Opacidad de la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="76" />
            <source>Style…</source>
            <translation>Estilo…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="76" />
            <source>Style layer</source>
            <translation>Estilo de la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="76" />
            <source>Change the layer's colours and symbols</source>
            <translation>Cambiar los colores y símbolos de la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="78" />
            <source>Table</source>
            <translation>Tabla</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="78" />
            <source>Table of layer</source>
            <translation>Tabla de la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="78" />
            <source>Show the layer's rows (attribute table)</source>
            <translation>Mostrar las filas de la capa (tabla de atributos)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="80" />
            <source>Zoom to</source>
            <translation>Zoom a la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="80" />
            <source>Zoom to layer</source>
            <translation>Zoom a la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="80" />
            <source>Show the whole layer on the map</source>
            <translation>Mostrar toda la capa en el mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="82" />
            <source>Rename…</source>
            <translation>Cambiar nombre…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="82" />
            <source>Rename layer</source>
            <translation>Cambiar nombre de la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="82" />
            <source>Change the name shown for the layer</source>
            <translation>Cambiar el nombre que se muestra para la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="84" />
            <source>Remove…</source>
            <translation>Quitar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="84" />
            <source>Remove layer</source>
            <translation>Quitar capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="84" />
            <source>Remove the layer from the project</source>
            <translation>Quitar la capa del proyecto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/layers_panel.py" line="108" />
            <source>{0} · {1} · {2} features</source>
            <translation>{0} · {1} · {2} elementos</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="27" />
            <source>assetmap main window</source>
            <translation>Ventana principal de assetmap</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="40" />
            <source>Cursor coordinates</source>
            <translation>Coordenadas del cursor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="42" />
            <source>Map scale</source>
            <translation>Escala del mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="100" />
            <source>Choose an assetmap project file (.gpkg).</source>
            <translation>Elija un archivo de proyecto de assetmap (.gpkg).</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="101" />
            <location filename="../../assetmap/ui/window_actions.py" line="163" />
            <source>Open project</source>
            <translation>Abrir proyecto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="181" />
            <source>show {0}</source>
            <translation>mostrar {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="181" />
            <source>hide {0}</source>
            <translation>ocultar {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="185" />
            <source>opacity of {0}</source>
            <translation>opacidad de {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="196" />
            <source>style of {0}</source>
            <translation>estilo de {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="201" />
            <source>Rename layer</source>
            <translation>Cambiar nombre de la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="201" />
            <source>Name shown:</source>
            <translation>Nombre que se muestra:</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="207" />
            <source>rename {0}</source>
            <translation>cambiar nombre de {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="213" />
            <source>Remove layer</source>
            <translation>Quitar capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="214" />
            <source>Remove the layer “{0}” ({1} features) from the project?
You can undo this with Edit › Undo.</source>
            <translation>¿Quitar la capa «{0}» ({1} elementos) del proyecto?
Puede deshacerlo con Editar › Deshacer.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/main_window.py" line="235" />
            <source>Style</source>
            <translation>Estilo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="23" />
            <source>Spatial data</source>
            <translation>Datos espaciales</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="24" />
            <source>All files</source>
            <translation>Todos los archivos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="28" />
            <source>assetmap project</source>
            <translation>Proyecto de assetmap</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="51" />
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="52" />
            <source>&amp;New project…</source>
            <translation>&amp;Nuevo proyecto…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="53" />
            <source>&amp;Open project…</source>
            <translation>&amp;Abrir proyecto…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="54" />
            <source>Open s&amp;hared project (PostGIS)…</source>
            <translation>Abrir proyecto &amp;compartido (PostGIS)…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="56" />
            <source>Open &amp;recent</source>
            <translation>Abrir &amp;recientes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="57" />
            <source>Save project &amp;as…</source>
            <translation>&amp;Guardar proyecto como…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="59" />
            <source>&amp;Import layer…</source>
            <translation>&amp;Importar capa…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="61" />
            <source>&amp;Export map…</source>
            <translation>&amp;Exportar mapa…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="64" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="65" />
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="66" />
            <location filename="../../assetmap/ui/window_actions.py" line="115" />
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="67" />
            <location filename="../../assetmap/ui/window_actions.py" line="115" />
            <source>&amp;Redo</source>
            <translation>&amp;Rehacer</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="69" />
            <source>Se&amp;ttings…</source>
            <translation>&amp;Configuración…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="71" />
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="72" />
            <source>Zoom &amp;in</source>
            <translation>&amp;Acercar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="73" />
            <source>Zoom &amp;out</source>
            <translation>A&amp;lejar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="74" />
            <source>Zoom to &amp;all</source>
            <translation>Ver &amp;todo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="79" />
            <source>&amp;Layer</source>
            <translation>&amp;Capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="81" />
            <source>&amp;Style…</source>
            <translation>&amp;Estilo…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="83" />
            <source>Attribute &amp;table</source>
            <translation>&amp;Tabla de atributos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="85" />
            <source>&amp;Zoom to layer</source>
            <translation>&amp;Zoom a la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="87" />
            <source>&amp;Rename…</source>
            <translation>&amp;Cambiar nombre…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="89" />
            <source>Re&amp;move…</source>
            <translation>&amp;Quitar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="91" />
            <source>Main</source>
            <translation>Principal</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="93" />
            <source>Main toolbar</source>
            <translation>Barra de herramientas principal</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="116" />
            <source>&amp;Undo {0}</source>
            <translation>&amp;Deshacer {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="117" />
            <source>&amp;Redo {0}</source>
            <translation>&amp;Rehacer {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="177" />
            <source>New project</source>
            <translation>Proyecto nuevo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="184" />
            <source>The project could not be created.</source>
            <translation>No se pudo crear el proyecto.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="185" />
            <source>Choose a folder you can write to (for example Documents) and try again.</source>
            <translation>Elija una carpeta en la que pueda escribir (por ejemplo, Documentos) e inténtelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="198" />
            <location filename="../../assetmap/ui/window_actions.py" line="212" />
            <source>Save project as</source>
            <translation>Guardar proyecto como</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="205" />
            <source>Copying to {0}</source>
            <translation>Copiando a {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="216" />
            <source>Import layer</source>
            <translation>Importar capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="227" />
            <location filename="../../assetmap/ui/window_actions.py" line="233" />
            <location filename="../../assetmap/ui/window_actions.py" line="256" />
            <source>Import</source>
            <translation>Importar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="228" />
            <source>Open or create a project first (File › Open project or File › New project), then import the layer.</source>
            <translation>Primero abra o cree un proyecto (Archivo › Abrir proyecto o Archivo › Nuevo proyecto) y luego importe la capa.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="234" />
            <source>What is this layer?</source>
            <translation>¿Qué es esta capa?</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="246" />
            <source>Importing {0}</source>
            <translation>Importando {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="254" />
            <source>Layers imported: {0}</source>
            <translation>Capas importadas: {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="297" />
            <source>Export map</source>
            <translation>Exportar mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="298" />
            <source>Exported {0}</source>
            <translation>Se exportó {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="244" />
            <source>Import sensitive &amp;reports…</source>
            <translation>Importar re&amp;portes sensibles…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="245" />
            <source>Hotline reports or DV calls: only counts per area are kept</source>
            <translation>Reportes a la línea de denuncia o llamadas por violencia doméstica: solo se guardan los conteos por área</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="250" />
            <source>&amp;Territories</source>
            <translation>&amp;Territorios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="255" />
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="258" />
            <source>What's &amp;this?</source>
            <translation>¿Qué es &amp;esto?</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="261" />
            <source>&amp;About assetmap</source>
            <translation>&amp;Acerca de assetmap</translation>
        </message>
        <message>
            <source>Add address &amp;locator…</source>
            <translation>Agregar &amp;localizador de direcciones…</translation>
        </message>
        <message>
            <source>Reference addresses for placing addresses offline</source>
            <translation>Direcciones de referencia para ubicar direcciones sin conexión</translation>
        </message>
        <message>
            <source>&amp;Join table…</source>
            <translation>&amp;Unir tabla…</translation>
        </message>
        <message>
            <source>&amp;New plan…</source>
            <translation>&amp;Nuevo plan…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/feature_docks.py" line="1" />
            <source>import sensitive reports</source>
            <translation>importar reportes sensibles</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/window_actions.py" line="1" />
            <source>import {0}</source>
            <translation>importar {0}</translation>
        </message>
        <message>
            <source>These columns look like case records (one row per report or incident):
{0}

Case records are never stored as points. Import them as sensitive reports: only suppressed counts per area are kept.</source>
            <translation>Estas columnas parecen registros de casos (una fila por reporte o incidente):
{0}

Los registros de casos nunca se guardan como puntos. Impórtelos como reportes sensibles: solo se conservan recuentos suprimidos por área.</translation>
        </message>
        <message>
            <source>If they are not case records (a list of services, say), import anyway: the columns and your choice are recorded in the layer's provenance.</source>
            <translation>Si no son registros de casos (por ejemplo, una lista de servicios), importe de todos modos: las columnas y su decisión quedan registradas en la procedencia de la capa.</translation>
        </message>
        <message>
            <source>Import as sensitive &amp;reports…</source>
            <translation>Importar como &amp;reportes sensibles…</translation>
        </message>
        <message>
            <source>Import &amp;anyway</source>
            <translation>Importar de &amp;todos modos</translation>
        </message>
    </context>
    <context>
        <name>MapCanvas</name>
        <message>
            <location filename="../../assetmap/ui/map_canvas.py" line="155" />
            <source>Map</source>
            <translation>Mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_canvas.py" line="156" />
            <source>Map of the project's layers</source>
            <translation>Mapa de las capas del proyecto</translation>
        </message>
    </context>
    <context>
        <name>MapWords</name>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="19" />
            <source>no data</source>
            <translation>sin datos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="20" />
            <source>other</source>
            <translation>otro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="21" />
            <source>Reports</source>
            <translation>Reportes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="22" />
            <source>All periods (total)</source>
            <translation>Todos los períodos (total)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="23" />
            <source>0 (no report within reach)</source>
            <translation>0 (ningún reporte al alcance)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="24" />
            <source>Hot spot, 99 % confidence</source>
            <translation>Punto caliente, 99 % de confianza</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="25" />
            <source>Hot spot, 95 % confidence</source>
            <translation>Punto caliente, 95 % de confianza</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="26" />
            <source>Hot spot, 90 % confidence</source>
            <translation>Punto caliente, 90 % de confianza</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="27" />
            <source>Not significant</source>
            <translation>No significativo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="28" />
            <source>Cold spot, 90 % confidence</source>
            <translation>Punto frío, 90 % de confianza</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="29" />
            <source>Cold spot, 95 % confidence</source>
            <translation>Punto frío, 95 % de confianza</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="30" />
            <source>Cold spot, 99 % confidence</source>
            <translation>Punto frío, 99 % de confianza</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="31" />
            <source>, FDR-controlled</source>
            <translation>, con control de FDR</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="32" />
            <source>Hot in both (90 % or more)</source>
            <translation>Caliente en ambas (90 % o más)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="33" />
            <source>Not hot in both</source>
            <translation>No caliente en ambas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="34" />
            <source>{0} in either layer (withheld)</source>
            <translation>{0} en alguna de las capas (retenido)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="35" />
            <source>{0} reports: suppressed</source>
            <translation>{0} reportes: suprimido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="36" />
            <source>1–10 (withheld)</source>
            <translation>1–10 (retenido)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="37" />
            <source>no residents</source>
            <translation>sin residentes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="38" />
            <source>withheld</source>
            <translation>retenido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="40" />
            <source>Legend</source>
            <translation>Leyenda</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="41" />
            <source>Trend over the periods</source>
            <translation>Tendencia a lo largo de los períodos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="42" />
            <source>Period</source>
            <translation>Período</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="43" />
            <source>Classes fixed over all periods</source>
            <translation>Clases fijas para todos los períodos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="44" />
            <source>Per 1,000 people</source>
            <translation>Por cada 1000 personas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="45" />
            <source>gaps: {0}</source>
            <translation>huecos: {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_words.py" line="46" />
            <source>{0} across, {1} up</source>
            <translation>{0} en horizontal, {1} en vertical</translation>
        </message>
        <message>
            <source>neighbours: areas sharing an edge or a corner (queen)</source>
            <translation>vecinos: áreas que comparten un lado o una esquina (reina)</translation>
        </message>
        <message>
            <source>neighbours: areas sharing an edge (rook)</source>
            <translation>vecinos: áreas que comparten un lado (torre)</translation>
        </message>
        <message>
            <source>rate per 1,000</source>
            <translation>tasa por 1.000</translation>
        </message>
        <message>
            <source>Areas with few residents are pulled towards their neighbours' rate</source>
            <translation>Las áreas con pocos residentes se acercan a la tasa de sus vecinas</translation>
        </message>
        <message>
            <source>Areas with few residents are pulled towards the overall rate</source>
            <translation>Las áreas con pocos residentes se acercan a la tasa global</translation>
        </message>
        <message>
            <source>neighbours: areas whose centres are within {0} m (distance band)</source>
            <translation>vecinos: áreas cuyos centros están a menos de {0} m (banda de distancia)</translation>
        </message>
        <message>
            <source>{0} areas with 1–{1} reports (withheld) entered as {2}</source>
            <translation>{0} áreas con 1–{1} reportes (ocultos) entraron como {2}</translation>
        </message>
        <message>
            <source>{0} permutations (seed {1}), significant at p ≤ {2}</source>
            <translation>{0} permutaciones (semilla {1}), significativo con p ≤ {2}</translation>
        </message>
        <message>
            <source>Hot spot: high, next to high</source>
            <translation>Punto caliente: alto, junto a altos</translation>
        </message>
        <message>
            <source>Outlier: low, next to high</source>
            <translation>Atípico: bajo, junto a altos</translation>
        </message>
        <message>
            <source>Cold spot: low, next to low</source>
            <translation>Punto frío: bajo, junto a bajos</translation>
        </message>
        <message>
            <source>Outlier: high, next to low</source>
            <translation>Atípico: alto, junto a bajos</translation>
        </message>
        <message>
            <source>neighbours: the {0} nearest areas (k-nearest)</source>
            <translation>vecinos: las {0} áreas más cercanas (k vecinos)</translation>
        </message>
        <message>
            <source>Bivariate local Moran's I: {0} against the neighbours' {1}</source>
            <translation>I de Moran local bivariado: {0} frente a {1} de las vecinas</translation>
        </message>
        <message>
            <source>Local Moran's I of {0}</source>
            <translation>I de Moran local de {0}</translation>
        </message>
        <message>
            <source>smoothed rate per 1,000 (empirical Bayes)</source>
            <translation>tasa suavizada por 1.000 (Bayes empírico)</translation>
        </message>
        <message>
            <source>smoothed rate per 1,000 (spatial empirical Bayes)</source>
            <translation>tasa suavizada por 1.000 (Bayes empírico espacial)</translation>
        </message>
        <message>
            <source>Areas with few residents are pulled towards the overall rate ({0} per 1,000)</source>
            <translation>Las áreas con pocos residentes se acercan a la tasa global ({0} por 1.000)</translation>
        </message>
        <message>
            <source>withheld counts (1–{0}) entered as {1}; nothing is shown for them</source>
            <translation>los conteos ocultos (1–{0}) entraron como {1}; no se muestra nada para ellos</translation>
        </message>
        <message>
            <source>High {0}, next to high {1}</source>
            <translation>{0} alto, junto a {1} alto</translation>
        </message>
        <message>
            <source>Low {0}, next to high {1}</source>
            <translation>{0} bajo, junto a {1} alto</translation>
        </message>
        <message>
            <source>Low {0}, next to low {1}</source>
            <translation>{0} bajo, junto a {1} bajo</translation>
        </message>
        <message>
            <source>High {0}, next to low {1}</source>
            <translation>{0} alto, junto a {1} bajo</translation>
        </message>
        <message>
            <source>times the risk where none of the factors is present</source>
            <translation>veces el riesgo donde no hay ninguno de los factores</translation>
        </message>
        <message>
            <source>Relative risk from {0}; built from public layers only</source>
            <translation>Riesgo relativo a partir de {0}; hecho solo con capas públicas</translation>
        </message>
        <message>
            <source>PAI {0} (model) vs {1} (last period's hot spots)</source>
            <translation>PAI {0} (modelo) frente a {1} (puntos calientes del periodo anterior)</translation>
        </message>
        <message>
            <source>top {0} % of cells (highest risk)</source>
            <translation>el {0} % de celdas con más riesgo</translation>
        </message>
    </context>
    <context>
        <name>NewIndicatorDialog</name>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="36" />
            <location filename="../../assetmap/ui/indicators_new.py" line="37" />
            <location filename="../../assetmap/ui/indicators_new.py" line="212" />
            <source>New indicator</source>
            <translation>Nuevo indicador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="48" />
            <location filename="../../assetmap/ui/indicators_new.py" line="93" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="49" />
            <source>The title the report prints, e.g. Libraries per 1,000 residents</source>
            <translation>El título que imprime el informe, p. ej. Bibliotecas por cada 1000 residentes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="50" />
            <location filename="../../assetmap/ui/indicators_new.py" line="93" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="51" />
            <source>Report counts (an aggregate report layer)</source>
            <translation>Conteo de reportes (una capa agregada de reportes)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="52" />
            <source>Count of features of a layer (optionally of one type)</source>
            <translation>Conteo de elementos de una capa (si quiere, de un solo tipo)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="53" />
            <source>Share of residents near a hub offering a service</source>
            <translation>Proporción de residentes cerca de un centro que ofrece un servicio</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="54" />
            <source>Survey coverage (share of areas visited)</source>
            <translation>Cobertura de la encuesta (proporción de áreas visitadas)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="57" />
            <location filename="../../assetmap/ui/indicators_new.py" line="94" />
            <source>Units (areas layer)</source>
            <translation>Unidades (capa de áreas)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="60" />
            <source>Numerator layer</source>
            <translation>Capa del numerador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="61" />
            <source>Numerator field</source>
            <translation>Campo del numerador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="62" />
            <source>Only features where field</source>
            <translation>Solo elementos donde el campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="63" />
            <location filename="../../assetmap/ui/indicators_new.py" line="96" />
            <source>equals</source>
            <translation>es igual a</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="65" />
            <source>Filter value</source>
            <translation>Valor de filtro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="66" />
            <location filename="../../assetmap/ui/indicators_new.py" line="96" />
            <source>Service offered</source>
            <translation>Servicio que ofrece</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="70" />
            <source>Distance to a hub in miles</source>
            <translation>Distancia a un centro en millas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="74" />
            <source> mi</source>
            <translation> mi</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="76" />
            <source>Denominator field</source>
            <translation>Campo del denominador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="78" />
            <location filename="../../assetmap/ui/indicators_new.py" line="99" />
            <source>Per</source>
            <translation>Por cada</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="82" />
            <location filename="../../assetmap/ui/indicators_new.py" line="99" />
            <source>Direction</source>
            <translation>Sentido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="83" />
            <source>Higher is worse</source>
            <translation>Más alto es peor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="84" />
            <source>Higher is better</source>
            <translation>Más alto es mejor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="86" />
            <location filename="../../assetmap/ui/indicators_new.py" line="100" />
            <source>Target</source>
            <translation>Meta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="87" />
            <source>none</source>
            <translation>ninguna</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="89" />
            <location filename="../../assetmap/ui/indicators_new.py" line="100" />
            <source>Values read as</source>
            <translation>Valores expresados como</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="90" />
            <source>automatic, e.g. per 1,000 population</source>
            <translation>automático, p. ej. por cada 1000 habitantes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="94" />
            <source>Counted from layer</source>
            <translation>Capa que se cuenta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="95" />
            <source>Add up field</source>
            <translation>Sumar el campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="95" />
            <source>Only where field</source>
            <translation>Solo donde el campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="97" />
            <source>Within</source>
            <translation>A menos de</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="97" />
            <source>Divided by (field of the units)</source>
            <translation>Dividido entre (campo de las unidades)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="107" />
            <source>Add or cancel</source>
            <translation>Agregar o cancelar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="145" />
            <source>(none: the value is the count)</source>
            <translation>(ninguno: el valor es el conteo)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="161" />
            <source>(none: count the features)</source>
            <translation>(ninguno: contar los elementos)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_new.py" line="164" />
            <source>(all features)</source>
            <translation>(todos los elementos)</translation>
        </message>
    </context>
    <context>
        <name>OverviewWindow</name>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="75" />
            <source>Indicators overview</source>
            <translation>Vista general de los indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="76" />
            <source>Indicators overview: small maps</source>
            <translation>Vista general de los indicadores: mapas pequeños</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="93" />
            <source>Small maps of</source>
            <translation>Mapas pequeños de</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="94" />
            <source>One map per indicator</source>
            <translation>Un mapa por indicador</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="95" />
            <source>One map per period</source>
            <translation>Un mapa por período</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="99" />
            <source>Period or indicator of the small maps</source>
            <translation>Período o indicador de los mapas pequeños</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="107" />
            <source>Overview status</source>
            <translation>Estado de la vista general</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="117" />
            <source>Hatched areas: 1 to 10 reports, withheld to protect families (never shown as a number). Grey: no residents. Click a map to show it in the dashboard.</source>
            <translation>Áreas rayadas: de 1 a 10 reportes, retenidos para proteger a las familias (nunca se muestran como número). Gris: sin residentes. Haga clic en un mapa para mostrarlo en el tablero.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="148" />
            <source>&amp;Period:</source>
            <translation>&amp;Período:</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="151" />
            <source>All periods (total)</source>
            <translation>Todos los períodos (total)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="153" />
            <source>Current (snapshot)</source>
            <translation>Actual (una sola foto)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="159" />
            <source>&amp;Indicator:</source>
            <translation>&amp;Indicador:</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="184" />
            <location filename="../../assetmap/ui/indicators_overview.py" line="265" />
            <source>Computing the indicators…</source>
            <translation>Calculando los indicadores…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="215" />
            <source>Drawing the small maps…</source>
            <translation>Dibujando los mapas pequeños…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="216" />
            <source>Drawing the small maps</source>
            <translation>Dibujando los mapas pequeños</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="222" />
            <source>Cancelled.</source>
            <translation>Cancelado.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="242" />
            <source>{n} indicators, {period}</source>
            <translation>{n} indicadores, {period}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="244" />
            <source>{name}: {n} periods, one set of classes</source>
            <translation>{name}: {n} períodos, las mismas clases para todos</translation>
        </message>
    </context>
    <context>
        <name>PackDialog</name>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="35" />
            <source>Make a field package</source>
            <translation>Preparar un paquete de campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="37" />
            <source>A field package is a small project file for one volunteer: the form, their neighbourhoods and the base map. Give it to them on a USB stick or by e-mail; merge it back when they are done.</source>
            <translation>Un paquete de campo es un pequeño archivo de proyecto para un voluntario: el formulario, sus barrios y el mapa base. Entrégueselo en una memoria USB o por correo electrónico y combínelo de nuevo cuando termine.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="43" />
            <source>Volunteer's name</source>
            <translation>Nombre del voluntario</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="44" />
            <source>&amp;Volunteer's name:</source>
            <translation>Nombre del &amp;voluntario:</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="46" />
            <source>Neighbourhoods for this volunteer</source>
            <translation>Barrios de este voluntario</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="52" />
            <source>&amp;Neighbourhoods (none chosen = all):</source>
            <translation>&amp;Barrios (ninguno elegido = todos):</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="55" />
            <source>Package file</source>
            <translation>Archivo del paquete</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="56" />
            <source>&amp;Browse…</source>
            <translation>&amp;Examinar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="60" />
            <source>&amp;Save as:</source>
            <translation>&amp;Guardar como:</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="70" />
            <source>Save the field package</source>
            <translation>Guardar el paquete de campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="72" />
            <source>Field package (*.gpkg)</source>
            <translation>Paquete de campo (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="78" />
            <source>Type the volunteer's name: it goes with every entry they make.</source>
            <translation>Escriba el nombre del voluntario: se guarda con cada registro que haga.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="81" />
            <source>Choose where to save the package.</source>
            <translation>Elija dónde guardar el paquete.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/dialogs.py" line="0" />
            <source>S&amp;treets to show:</source>
            <translation>Ca&amp;lles que se muestran:</translation>
        </message>
    </context>
    <context>
        <name>PeriodSlider</name>
        <message>
            <location filename="../../assetmap/ui/period_slider.py" line="21" />
            <source>Time slider</source>
            <translation>Control deslizante de tiempo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/period_slider.py" line="22" />
            <source>Report layers count reports per period (year, quarter or month). Move the slider, or use ◀ and ▶|, to show one period on the map; ▶ plays them in turn. The last step shows all periods together. Colour classes stay the same for every period, so periods can be compared.</source>
            <translation>Las capas de reportes cuentan los reportes por período (año, trimestre o mes). Mueva el control deslizante, o use ◀ y ▶|, para mostrar un período en el mapa; ▶ los muestra uno tras otro. El último paso muestra todos los períodos juntos. Las clases de color son las mismas en todos los períodos, para que se puedan comparar.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/period_slider.py" line="29" />
            <source>&amp;Period</source>
            <translation>&amp;Período</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/period_slider.py" line="31" />
            <source>Previous period</source>
            <translation>Período anterior</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/period_slider.py" line="32" />
            <source>Play through the periods</source>
            <translation>Recorrer los períodos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/period_slider.py" line="34" />
            <source>Next period</source>
            <translation>Período siguiente</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/period_slider.py" line="38" />
            <source>Period shown</source>
            <translation>Período mostrado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/period_slider.py" line="46" />
            <source>Period label</source>
            <translation>Etiqueta del período</translation>
        </message>
    </context>
    <context>
        <name>PhotoEditor</name>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="301" />
            <source>Choose photo…</source>
            <translation>Elegir foto…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="303" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="304" />
            <source>Remove the photo</source>
            <translation>Quitar la foto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="306" />
            <location filename="../../assetmap/ui/survey/editors.py" line="324" />
            <source>no photo</source>
            <translation>sin foto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="313" />
            <source>Choose a photo</source>
            <translation>Elija una foto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="314" />
            <source>Images (*.jpg *.jpeg *.png *.heic *.webp)</source>
            <translation>Imágenes (*.jpg *.jpeg *.png *.heic *.webp)</translation>
        </message>
    </context>
    <context>
        <name>QuestionRow</name>
        <message>
            <location filename="../../assetmap/ui/survey/entry_form.py" line="64" />
            <source>(required)</source>
            <translation>(obligatoria)</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="42" />
            <location filename="../../assetmap/ui/indicators_report.py" line="43" />
            <location filename="../../assetmap/ui/indicators_report.py" line="119" />
            <location filename="../../assetmap/ui/indicators_report.py" line="122" />
            <source>Partnership report</source>
            <translation>Informe de la alianza</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="46" />
            <source>Report period</source>
            <translation>Período del informe</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="50" />
            <source>All periods (total)</source>
            <translation>Todos los períodos (total)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="52" />
            <source>Current (the layers as they are now)</source>
            <translation>Actual (las capas como están ahora)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="56" />
            <source>Indicators in the report</source>
            <translation>Indicadores del informe</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="64" />
            <source>Report format</source>
            <translation>Formato del informe</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="65" />
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="66" />
            <source>HTML (one offline file)</source>
            <translation>HTML (un solo archivo sin conexión)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="69" />
            <source>Paper size</source>
            <translation>Tamaño del papel</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="70" />
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="71" />
            <source>Letter</source>
            <translation>Carta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="73" />
            <source>Report file</source>
            <translation>Archivo de reportes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="74" />
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="75" />
            <source>Choose the report file</source>
            <translation>Elegir el archivo del informe</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="81" />
            <source>Period</source>
            <translation>Período</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="82" />
            <source>Indicators</source>
            <translation>Indicadores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="83" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="84" />
            <source>Paper</source>
            <translation>Papel</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="85" />
            <source>Save as</source>
            <translation>Guardar como</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="87" />
            <source>Make the report</source>
            <translation>Preparar el informe</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="88" />
            <source>Make the report or cancel</source>
            <translation>Preparar el informe o cancelar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="102" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="102" />
            <source>HTML (*.html)</source>
            <translation>HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="103" />
            <source>Save the report as</source>
            <translation>Guardar el informe como</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="119" />
            <source>Tick at least one indicator.</source>
            <translation>Marque al menos un indicador.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_report.py" line="122" />
            <source>Choose where to save the report.</source>
            <translation>Elija dónde guardar el informe.</translation>
        </message>
    </context>
    <context>
        <name>ReportMaps</name>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="26" />
            <source>Time</source>
            <translation>Tiempo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="28" />
            <source>Time slider toolbar</source>
            <translation>Barra del control deslizante de tiempo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="34" />
            <source>&amp;Compare two report layers…</source>
            <translation>&amp;Comparar dos capas de reportes…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="35" />
            <source>Bivariate map of two aggregate layers on the same areas, with their correlation</source>
            <translation>Mapa bivariado de dos capas agregadas sobre las mismas áreas, con su correlación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="38" />
            <source>&amp;Reports</source>
            <translation>&amp;Reportes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="88" />
            <location filename="../../assetmap/ui/report_maps.py" line="97" />
            <source>Compare report layers</source>
            <translation>Comparar capas de reportes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="89" />
            <source>Import two report files first (File › Import sensitive reports), for example maltreatment reports and DV calls over the same areas.</source>
            <translation>Primero importe dos archivos de reportes (Archivo › Importar reportes sensibles), por ejemplo reportes de maltrato y llamadas por violencia doméstica sobre las mismas áreas.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="100" />
            <source>n/a</source>
            <translation>n/d</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/report_maps.py" line="102" />
            <source>Added {0}: Pearson r = {1}, n = {2}.</source>
            <translation>Se agregó {0}: r de Pearson = {1}, n = {2}.</translation>
        </message>
    </context>
    <context>
        <name>ReportsWizard</name>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="26" />
            <source>&lt;p&gt;This imports &lt;b&gt;sensitive reports&lt;/b&gt; (child-maltreatment reports or domestic-violence calls) safely.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Will be stored:&lt;/b&gt; the number of reports per area (or hexagon) and period, and rates per 1,000 people, or a smoothed density surface (reports per km²); counts from 1 to the threshold you choose (10 by default) are withheld, with a few more where needed so that none can be worked out from totals.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Will never be stored&lt;/b&gt; (not in the project, temporary files, logs or exports): any single report, its location, its date or any other of its details. The file is read in memory and forgotten.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Esto importa &lt;b&gt;reportes sensibles&lt;/b&gt; (reportes de maltrato infantil o llamadas por violencia doméstica) de forma segura.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Se guardará:&lt;/b&gt; el número de reportes por área (o hexágono) y período, y las tasas por cada 1000 personas, o una superficie de densidad suavizada (reportes por km²); los conteos de 1 hasta el umbral que usted elija (10 por defecto) se retienen, junto con algunos más donde haga falta para que ninguno se pueda deducir de los totales.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Nunca se guardará&lt;/b&gt; (ni en el proyecto, ni en archivos temporales, registros del sistema o exportaciones): ningún reporte individual, ni su ubicación, ni su fecha, ni ningún otro de sus detalles. El archivo se lee en memoria y se olvida.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="39" />
            <source>(none)</source>
            <translation>(ninguna)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="247" />
            <location filename="../../assetmap/ui/reports_wizard.py" line="248" />
            <source>Import sensitive reports</source>
            <translation>Importar reportes sensibles</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="256" />
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="256" />
            <source>Next</source>
            <translation>Siguiente</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="257" />
            <source>Finish</source>
            <translation>Terminar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="257" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="305" />
            <source>Aggregating reports</source>
            <translation>Agregando los reportes</translation>
        </message>
    </context>
    <context>
        <name>SelectMultipleEditor</name>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="176" />
            <source>Other</source>
            <translation>Otro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="178" />
            <source>say what</source>
            <translation>diga cuál</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="179" />
            <source>Other, please specify</source>
            <translation>Otro, especifique</translation>
        </message>
    </context>
    <context>
        <name>SelectOneEditor</name>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="136" />
            <source>— choose —</source>
            <translation>— elija —</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="22" />
            <location filename="../../assetmap/ui/settings_dialog.py" line="23" />
            <location filename="../../assetmap/ui/settings_dialog.py" line="134" />
            <source>Settings</source>
            <translation>Configuración</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="27" />
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="31" />
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="33" />
            <source>A new language applies when assetmap restarts.</source>
            <translation>El nuevo idioma se aplica cuando assetmap se reinicia.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="38" />
            <source>Text size</source>
            <translation>Tamaño del texto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="44" />
            <source>&amp;Text size</source>
            <translation>&amp;Tamaño del texto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="47" />
            <source>&amp;High contrast (white on black, yellow focus frame)</source>
            <translation>&amp;Alto contraste (blanco sobre negro, marco de foco amarillo)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="48" />
            <source>High contrast</source>
            <translation>Alto contraste</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="56" />
            <source>Background map</source>
            <translation>Mapa de fondo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="57" />
            <source>None (fully offline)</source>
            <translation>Ninguno (totalmente sin conexión)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="57" />
            <source>Map tiles from the internet</source>
            <translation>Teselas de mapa de internet</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="58" />
            <source>Map file on this computer (MBTiles)</source>
            <translation>Archivo de mapa en esta computadora (MBTiles)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="61" />
            <source>Back&amp;ground map</source>
            <translation>Mapa de &amp;fondo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="64" />
            <source>Background map address</source>
            <translation>Dirección del mapa de fondo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="66" />
            <source>Optional. Map tiles from the internet drawn under your layers; leave empty to work fully offline.</source>
            <translation>Opcional. Teselas de mapa de internet dibujadas debajo de sus capas; déjelo vacío para trabajar totalmente sin conexión.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="68" />
            <source>&amp;Background map (XYZ tiles)</source>
            <translation>&amp;Mapa de fondo (teselas XYZ)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="71" />
            <location filename="../../assetmap/ui/settings_dialog.py" line="111" />
            <source>Background map file</source>
            <translation>Archivo del mapa de fondo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="72" />
            <source>e.g. stlouis.mbtiles</source>
            <translation>p. ej. stlouis.mbtiles</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="73" />
            <source>Optional. A raster MBTiles file drawn under your layers without internet. Not included in exported HTML maps.</source>
            <translation>Opcional. Un archivo MBTiles ráster que se dibuja debajo de sus capas sin internet. No se incluye en los mapas HTML exportados.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="75" />
            <source>&amp;Browse…</source>
            <translation>&amp;Examinar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="76" />
            <source>Choose background map file</source>
            <translation>Elegir el archivo del mapa de fondo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="81" />
            <source>Background map &amp;file (MBTiles)</source>
            <translation>A&amp;rchivo del mapa de fondo (MBTiles)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="86" />
            <source>Background map credit</source>
            <translation>Créditos del mapa de fondo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="87" />
            <source>e.g. © OpenStreetMap contributors</source>
            <translation>p. ej. © colaboradores de OpenStreetMap</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="88" />
            <source>Background map &amp;credit</source>
            <translation>&amp;Créditos del mapa de fondo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="92" />
            <source>Save settings</source>
            <translation>Guardar la configuración</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="93" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="112" />
            <source>MBTiles map files</source>
            <translation>Archivos de mapa MBTiles</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="113" />
            <source>All files</source>
            <translation>Todos los archivos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="128" />
            <source>No background map file is chosen.</source>
            <translation>No se eligió ningún archivo de mapa de fondo.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/settings_dialog.py" line="129" />
            <source>Choose an .mbtiles file, or another kind of background map.</source>
            <translation>Elija un archivo .mbtiles u otro tipo de mapa de fondo.</translation>
        </message>
    </context>
    <context>
        <name>SharedProjectDialog</name>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="32" />
            <source>Open shared project (PostGIS)</source>
            <translation>Abrir proyecto compartido (PostGIS)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="33" />
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="122" />
            <source>Open shared project</source>
            <translation>Abrir proyecto compartido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="45" />
            <source>&amp;Server</source>
            <translation>&amp;Servidor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="45" />
            <source>Server</source>
            <translation>Servidor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="47" />
            <source>&amp;Port</source>
            <translation>&amp;Puerto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="47" />
            <source>Port</source>
            <translation>Puerto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="50" />
            <source>&amp;Database</source>
            <translation>&amp;Base de datos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="50" />
            <source>Database</source>
            <translation>Base de datos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="51" />
            <source>Sc&amp;hema</source>
            <translation>&amp;Esquema</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="51" />
            <source>Schema</source>
            <translation>Esquema</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="52" />
            <source>&amp;User name</source>
            <translation>Nombre de &amp;usuario</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="52" />
            <source>User name</source>
            <translation>Nombre de usuario</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="53" />
            <source>Pass&amp;word</source>
            <translation>&amp;Contraseña</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="53" />
            <source>Password</source>
            <translation>Contraseña</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="56" />
            <source>The password is not saved on this computer; you type it once per session.</source>
            <translation>La contraseña no se guarda en esta computadora; se escribe una vez por sesión.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="109" />
            <source>Connecting to {0}…</source>
            <translation>Conectando con {0}…</translation>
        </message>
    </context>
    <context>
        <name>StatsTableModel</name>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="48" />
            <source>Team</source>
            <translation>Equipo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="49" />
            <source>Units</source>
            <translation>Unidades</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="50" />
            <source>Pieces</source>
            <translation>Partes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="51" />
            <source>Compactness</source>
            <translation>Compacidad</translation>
        </message>
    </context>
    <context>
        <name>StyleDialog</name>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="17" />
            <source>Single colour</source>
            <translation>Un solo color</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="18" />
            <source>Graduated (numbers)</source>
            <translation>Graduado (números)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="19" />
            <source>Categorized (text)</source>
            <translation>Por categorías (texto)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="20" />
            <source>Quantiles</source>
            <translation>Cuantiles</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="21" />
            <source>Natural breaks (Fisher-Jenks)</source>
            <translation>Cortes naturales (Fisher-Jenks)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="22" />
            <source>Equal interval</source>
            <translation>Intervalos iguales</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="23" />
            <source>Manual</source>
            <translation>Manual</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="34" />
            <source>Style — {0}</source>
            <translation>Estilo — {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="34" />
            <source>Style</source>
            <translation>Estilo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="35" />
            <source>Style editor</source>
            <translation>Editor de estilo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="39" />
            <source>Style kind</source>
            <translation>Tipo de estilo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="43" />
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="45" />
            <source>Classification</source>
            <translation>Clasificación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="50" />
            <source>Number of classes</source>
            <translation>Número de clases</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="52" />
            <source>Colour ramp</source>
            <translation>Escala de colores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="54" />
            <source>(not colour-blind safe)</source>
            <translation>(no apta para daltonismo)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="57" />
            <source>Manual class breaks</source>
            <translation>Cortes de clase manuales</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="58" />
            <source>e.g. 2000, 5000, 10000</source>
            <translation>p. ej. 2000, 5000, 10000</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="60" />
            <location filename="../../assetmap/ui/style_dialog.py" line="121" />
            <source>Fill colour</source>
            <translation>Color de relleno</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="64" />
            <source>Point size</source>
            <translation>Tamaño del punto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="66" />
            <source>Point symbol</source>
            <translation>Símbolo del punto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="73" />
            <source>Fill opacity</source>
            <translation>Opacidad del relleno</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="74" />
            <source>&amp;Kind</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="74" />
            <source>&amp;Field</source>
            <translation>&amp;Campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="75" />
            <source>Cl&amp;assification</source>
            <translation>C&amp;lasificación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="75" />
            <source>Cla&amp;sses</source>
            <translation>Cla&amp;ses</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="76" />
            <source>Colour &amp;ramp</source>
            <translation>&amp;Escala de colores</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="76" />
            <source>&amp;Manual breaks</source>
            <translation>Cortes &amp;manuales</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="77" />
            <source>&amp;Colour</source>
            <translation>C&amp;olor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="77" />
            <source>Fill &amp;opacity</source>
            <translation>Opacidad del &amp;relleno</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="78" />
            <source>&amp;Point size</source>
            <translation>Tamaño del &amp;punto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="78" />
            <source>Point s&amp;ymbol</source>
            <translation>Sím&amp;bolo del punto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="79" />
            <source>Categor&amp;ies</source>
            <translation>Cate&amp;gorías</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="195" />
            <source>Manual breaks must be numbers separated by commas.</source>
            <translation>Los cortes manuales deben ser números separados por comas.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/style_dialog.py" line="196" />
            <source>For example: 2000, 5000, 10000.</source>
            <translation>Por ejemplo: 2000, 5000, 10000.</translation>
        </message>
    </context>
    <context>
        <name>SurveyDock</name>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="21" />
            <source>Survey</source>
            <translation>Encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="31" />
            <source>The door-to-door survey: one entry for each place, group or person that could help children and families.

Type your name, answer the questions (those marked * are needed), give the location with Pick on map or by choosing the neighbourhood, and press Save and next (Ctrl+S): the entry is saved at once. My entries lists what you entered; Edit, Delete and Ctrl+Z fix mistakes. The Survey menu makes field packages for volunteers and merges them back.</source>
            <translation>La encuesta de puerta en puerta: un registro por cada lugar, grupo o persona que pueda ayudar a los niños y las familias.

Escriba su nombre, conteste las preguntas (las marcadas con * son necesarias), indique la ubicación con «Marcar en el mapa» o eligiendo el barrio, y pulse «Guardar y siguiente» (Ctrl+S): el registro se guarda al instante. «Mis registros» muestra lo que ha registrado; Editar, Borrar y Ctrl+Z corrigen errores. El menú Encuesta prepara paquetes de campo para los voluntarios y los vuelve a combinar.</translation>
        </message>
    </context>
    <context>
        <name>SurveyEntryForm</name>
        <message>
            <location filename="../../assetmap/ui/survey/entry_form.py" line="105" />
            <source>Form language</source>
            <translation>Idioma del formulario</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/entry_form.py" line="158" />
            <source>Survey form</source>
            <translation>Formulario de encuesta</translation>
        </message>
    </context>
    <context>
        <name>SurveyFeature</name>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="65" />
            <source>&amp;Survey</source>
            <translation>E&amp;ncuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="70" />
            <source>&amp;Enter survey responses</source>
            <translation>&amp;Registrar respuestas de la encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="71" />
            <source>Fill the asset survey form; every entry is saved at once</source>
            <translation>Llene el formulario de recursos; cada registro se guarda al instante</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="73" />
            <source>Use the built-in &amp;community asset form</source>
            <translation>Usar el formulario de &amp;recursos comunitarios incluido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="74" />
            <source>Load an &amp;XLSForm…</source>
            <translation>Cargar un &amp;XLSForm…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="75" />
            <source>A form made for KoboToolbox or ODK (.xlsx)</source>
            <translation>Un formulario hecho para KoboToolbox u ODK (.xlsx)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="77" />
            <source>Make a &amp;field package…</source>
            <translation>Preparar un &amp;paquete de campo…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="78" />
            <source>&amp;Merge field packages…</source>
            <translation>&amp;Combinar paquetes de campo…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="79" />
            <source>Merge &amp;conflicts…</source>
            <translation>&amp;Conflictos al combinar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="80" />
            <source>&amp;Import a KoboToolbox/ODK export…</source>
            <translation>&amp;Importar una exportación de KoboToolbox/ODK…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="82" />
            <source>Survey &amp;summary</source>
            <translation>&amp;Resumen de la encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="83" />
            <source>E&amp;xport responses…</source>
            <translation>E&amp;xportar respuestas…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="134" />
            <source>No survey form yet</source>
            <translation>Aún no hay formulario</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="135" />
            <source>This project has no survey form. Use the built-in community asset form?</source>
            <translation>Este proyecto no tiene formulario de encuesta. ¿Usar el formulario de recursos comunitarios incluido?</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="152" />
            <source>Load an XLSForm</source>
            <translation>Cargar un XLSForm</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="153" />
            <source>XLSForm (*.xlsx *.xls)</source>
            <translation>XLSForm (*.xlsx *.xls)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="161" />
            <source>Can't use this form</source>
            <translation>No se puede usar este formulario</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="164" />
            <source>Parts of this form are not supported</source>
            <translation>Algunas partes de este formulario no se admiten</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="172" />
            <source>Can't install the form</source>
            <translation>No se pudo instalar el formulario</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="177" />
            <source>Survey form “%1” is ready.</source>
            <translation>El formulario «%1» está listo.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="182" />
            <source>Click the map where the place is.</source>
            <translation>Haga clic en el mapa donde está el lugar.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="220" />
            <source>Make field package</source>
            <translation>Preparar paquete de campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="229" />
            <location filename="../../assetmap/ui/survey/feature.py" line="244" />
            <source>Merge field packages</source>
            <translation>Combinar paquetes de campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="230" />
            <source>Field packages (*.gpkg)</source>
            <translation>Paquetes de campo (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="257" />
            <source>Resolve conflicts…</source>
            <translation>Resolver conflictos…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="259" />
            <source>Merge report</source>
            <translation>Informe de la combinación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="278" />
            <source>Import a KoboToolbox/ODK export</source>
            <translation>Importar una exportación de KoboToolbox/ODK</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="279" />
            <source>CSV export (*.csv)</source>
            <translation>Exportación CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="295" />
            <source>Import report</source>
            <translation>Informe de la importación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="298" />
            <source>Import survey export</source>
            <translation>Importar exportación de encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="309" />
            <location filename="../../assetmap/ui/survey/feature.py" line="311" />
            <source>Survey summary</source>
            <translation>Resumen de la encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="321" />
            <location filename="../../assetmap/ui/survey/feature.py" line="332" />
            <source>Export survey responses</source>
            <translation>Exportar respuestas de la encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="322" />
            <source>CSV (*.csv);;GeoPackage (*.gpkg);;GeoJSON (*.geojson)</source>
            <translation>CSV (*.csv);;GeoPackage (*.gpkg);;GeoJSON (*.geojson)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="334" />
            <source>Responses exported to %1</source>
            <translation>Respuestas exportadas a %1</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="0" />
            <source>Survey export: CSV, Kobo Excel or ODK Central zip (*.csv *.xlsx *.zip)</source>
            <translation>Exportación de encuestas: CSV, Excel de Kobo o zip de ODK Central (*.csv *.xlsx *.zip)</translation>
            <source>&amp;Layer:</source>
            <translation>&amp;Capa:</translation>
        </message>
        <message>
            <source>Open or create a project first, then join a table to one of its layers.</source>
            <translation>Abra o cree primero un proyecto; luego una una tabla a una de sus capas.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="51" />
            <source>Pick a location</source>
            <translation>Marcar una ubicación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="52" />
            <source>click the map where the place is</source>
            <translation>haga clic en el mapa donde está el lugar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="0" />
            <source>S&amp;treets for volunteers…</source>
            <translation>Ca&amp;lles para los voluntarios…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/feature.py" line="0" />
            <source>A street layer drawn under the volunteers' blocks in survey mode</source>
            <translation>Una capa de calles dibujada bajo las manzanas de los voluntarios en el modo encuesta</translation>
        </message>
    </context>
    <context>
        <name>SurveyModeWindow</name>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="27" />
            <source>assetmap — survey</source>
            <translation>assetmap — encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="28" />
            <source>Survey window</source>
            <translation>Ventana de encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="38" />
            <source>Open the field package your survey lead gave you (File › Open field package).</source>
            <translation>Abra el paquete de campo que le dio su coordinador (Archivo › Abrir paquete de campo).</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="56" />
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="57" />
            <source>&amp;Open field package…</source>
            <translation>&amp;Abrir paquete de campo…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="60" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="61" />
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="62" />
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="63" />
            <source>&amp;Redo</source>
            <translation>&amp;Rehacer</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="66" />
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="67" />
            <source>&amp;How to survey</source>
            <translation>&amp;Cómo hacer la encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="68" />
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="70" />
            <source>Survey tools</source>
            <translation>Herramientas de encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="85" />
            <source>How to survey</source>
            <translation>Cómo hacer la encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="86" />
            <source>1. Type your name at the top: it is saved with every entry.
2. For each place, group or person you find, answer the questions. Questions marked * are needed.
3. For the location, click “Pick on map” and then the place on the map, or choose the neighbourhood.
4. Press “Save and next” (Ctrl+S). The entry is saved at once, even if the battery dies later.
5. To fix an entry, choose it in “My entries” and press Edit. Ctrl+Z undoes.
6. When you are done, give the package file back to your survey lead.</source>
            <translation>1. Escriba su nombre arriba: se guarda con cada registro.
2. Para cada lugar, grupo o persona que encuentre, conteste las preguntas. Las preguntas con * son necesarias.
3. Para la ubicación, pulse «Marcar en el mapa» y luego el lugar en el mapa, o elija el barrio.
4. Pulse «Guardar y siguiente» (Ctrl+S). El registro se guarda al instante, aunque luego se acabe la batería.
5. Para corregir un registro, elíjalo en «Mis registros» y pulse Editar. Ctrl+Z deshace.
6. Cuando termine, devuelva el archivo del paquete a su coordinador.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="96" />
            <source>Open field package</source>
            <translation>Abrir paquete de campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="97" />
            <source>Field package (*.gpkg)</source>
            <translation>Paquete de campo (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="110" />
            <source>Can't open this file</source>
            <translation>No se puede abrir este archivo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="113" />
            <source>No survey in this file</source>
            <translation>Este archivo no tiene encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="114" />
            <source>This file has no survey form. Ask your survey lead for your field package.</source>
            <translation>Este archivo no tiene formulario de encuesta. Pida su paquete de campo a su coordinador.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="121" />
            <source>%1 — survey</source>
            <translation>%1 — encuesta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="161" />
            <source>My neighbourhoods</source>
            <translation>Mis barrios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="181" />
            <source>My entries</source>
            <translation>Mis registros</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="214" />
            <source>Click the map where the place is.</source>
            <translation>Haga clic en el mapa donde está el lugar.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="0" />
            <source>your areas</source>
            <translation>sus zonas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="0" />
            <source>This location is in %1, outside your areas (%2). It will be saved as it is: check that it is the right place.</source>
            <translation>Esta ubicación está en %1, fuera de sus zonas (%2). Se guardará tal cual: compruebe que es el lugar correcto.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="0" />
            <source>This location is outside your areas (%1). It will be saved as it is: check that it is the right place.</source>
            <translation>Esta ubicación está fuera de sus zonas (%1). Se guardará tal cual: compruebe que es el lugar correcto.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="151" />
            <source>Pick a location</source>
            <translation>Marcar una ubicación</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/survey_mode.py" line="152" />
            <source>click the map where the place is</source>
            <translation>haga clic en el mapa donde está el lugar</translation>
        </message>
    </context>
    <context>
        <name>SurveyPanel</name>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="50" />
            <source>&amp;Your name:</source>
            <translation>&amp;Su nombre:</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="52" />
            <source>Your name</source>
            <translation>Su nombre</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="53" />
            <source>saved with every entry</source>
            <translation>se guarda con cada registro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="69" />
            <source>&amp;Save and next</source>
            <translation>&amp;Guardar y siguiente</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="70" />
            <source>Save this entry now (Ctrl+S) and start a new one</source>
            <translation>Guardar este registro ahora (Ctrl+S) y empezar otro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="72" />
            <source>Save and next</source>
            <translation>Guardar y siguiente</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="74" />
            <source>&amp;New entry</source>
            <translation>&amp;Nuevo registro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="75" />
            <source>Clear the form without saving</source>
            <translation>Vaciar el formulario sin guardar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="76" />
            <source>New entry</source>
            <translation>Nuevo registro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="84" />
            <source>Save status</source>
            <translation>Estado del guardado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="91" />
            <source>&amp;My entries</source>
            <translation>&amp;Mis registros</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="93" />
            <source>My entries</source>
            <translation>Mis registros</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="99" />
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="101" />
            <source>&amp;Delete</source>
            <translation>&amp;Borrar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="103" />
            <source>&amp;History</source>
            <translation>&amp;Historial</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="105" />
            <source>Edit the chosen entry</source>
            <translation>Editar el registro elegido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="106" />
            <source>Delete the chosen entry</source>
            <translation>Borrar el registro elegido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="107" />
            <source>History of the chosen entry</source>
            <translation>Historial del registro elegido</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="159" />
            <source>(no name)</source>
            <translation>(sin nombre)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="186" />
            <source>Please type your name at the top first: it is saved with every entry.</source>
            <translation>Escriba primero su nombre arriba: se guarda con cada registro.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../assetmap/ui/survey/panel.py" line="191" />
            <source>Not saved yet: %n question(s) need an answer or a fix.</source>
            <translation>
                <numerusform>Aún no se guardó: %n pregunta necesita una respuesta o una corrección.</numerusform>
                <numerusform>Aún no se guardó: %n preguntas necesitan una respuesta o una corrección.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="208" />
            <source>Saved “%1” at %2. Ready for the next entry.</source>
            <translation>Guardado «%1» a las %2. Listo para el siguiente registro.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="217" />
            <source>Saved “%1” at %2, placed from its address (%3, score %4). Ready for the next entry.</source>
            <translation>Guardado «%1» a las %2, ubicado por su dirección (%3, puntuación %4). Listo para el siguiente registro.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="220" />
            <source>Saved “%1” at %2 without a location: the address “%3” was not found with the project's locator. Edit the entry to place it on the map.</source>
            <translation>Guardado «%1» a las %2 sin ubicación: la dirección «%3» no se encontró con el localizador del proyecto. Edite el registro para ubicarlo en el mapa.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="221" />
            <source>Editing “%1”. Save to keep the changes.</source>
            <translation>Editando «%1». Guarde para conservar los cambios.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="230" />
            <source>Delete entry</source>
            <translation>Borrar registro</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/panel.py" line="231" />
            <source>Delete “%1”? You can undo this.</source>
            <translation>¿Borrar «%1»? Puede deshacerlo.</translation>
        </message>
        <message>
            <source>Repeated entries placed from their address: %1 of %2.</source>
            <translation>Entradas repetidas ubicadas a partir de su dirección: %1 de %2.</translation>
        </message>
        <message>
            <source>Not found, saved without a location: %1.</source>
            <translation>No encontradas, guardadas sin ubicación: %1.</translation>
        </message>
    </context>
    <context>
        <name>Task</name>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="119" />
            <location filename="../../assetmap/ui/workers.py" line="122" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="121" />
            <source>{0} progress</source>
            <translation>Progreso de {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/workers.py" line="123" />
            <source>Cancel {0}</source>
            <translation>Cancelar {0}</translation>
        </message>
    </context>
    <context>
        <name>TerritoriesPanel</name>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="96" />
            <source>Territories</source>
            <translation>Territorios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="98" />
            <location filename="../../assetmap/ui/territories_panel.py" line="107" />
            <source>Territories panel</source>
            <translation>Panel de territorios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="111" />
            <source>Territories divide the neighbourhoods among teams, so each team knows its area and the workload stays fair.

Choose a plan and the team to paint with, then turn on Territories › Paint territories on the map and click or drag across neighbourhoods; or select neighbourhoods in the list below and press Assign. The table shows each team's workload and how far it is from an equal share (± %). Suggest balanced plan… proposes a fair split for you. Undo and Redo take back or repeat a step.</source>
            <translation>Los territorios reparten los barrios entre los equipos, para que cada equipo sepa cuál es su zona y la carga de trabajo sea justa.

Elija un plan y el equipo con el que va a pintar; luego active Territorios › Pintar territorios en el mapa y haga clic o arrastre sobre los barrios; o seleccione barrios en la lista de abajo y pulse Asignar. La tabla muestra la carga de trabajo de cada equipo y cuánto se aleja de un reparto igual (± %). Sugerir plan equilibrado… le propone un reparto justo. Deshacer y Rehacer anulan o repiten un paso.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="118" />
            <source>No plan yet: make one with the command line (assetmap territories new) or ask your planner for a project that has one.</source>
            <translation>Aún no hay ningún plan: cree uno con la línea de comandos (assetmap territories new) o pida a su planificador un proyecto que tenga uno.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="122" />
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="124" />
            <source>&amp;Plan</source>
            <translation>&amp;Plan</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="130" />
            <source>Team to paint with</source>
            <translation>Equipo con el que pintar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="132" />
            <source>Erase</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="133" />
            <source>Erase instead of paint</source>
            <translation>Borrar en lugar de pintar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="135" />
            <source>Lock team</source>
            <translation>Bloquear equipo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="136" />
            <source>Lock this team</source>
            <translation>Bloquear este equipo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="137" />
            <source>A locked team's areas are not changed by painting or balancing</source>
            <translation>Las áreas de un equipo bloqueado no cambian al pintar ni al equilibrar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="139" />
            <source>P&amp;aint</source>
            <translation>&amp;Pintar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="146" />
            <location filename="../../assetmap/ui/territories_panel.py" line="147" />
            <source>Undo</source>
            <translation>Deshacer</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="148" />
            <location filename="../../assetmap/ui/territories_panel.py" line="149" />
            <source>Redo</source>
            <translation>Rehacer</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="154" />
            <source>Suggest balanced plan…</source>
            <translation>Sugerir plan equilibrado…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="155" />
            <source>Suggest a balanced plan</source>
            <translation>Sugerir un plan equilibrado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="160" />
            <source>Duplicate…</source>
            <translation>Duplicar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="160" />
            <location filename="../../assetmap/ui/territories_panel.py" line="256" />
            <source>Duplicate plan</source>
            <translation>Duplicar plan</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="161" />
            <source>Rename…</source>
            <translation>Cambiar nombre…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="161" />
            <location filename="../../assetmap/ui/territories_panel.py" line="264" />
            <source>Rename plan</source>
            <translation>Cambiar nombre del plan</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="162" />
            <source>Delete</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="162" />
            <source>Delete plan</source>
            <translation>Borrar plan</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="163" />
            <source>Compare…</source>
            <translation>Comparar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="163" />
            <source>Compare plans</source>
            <translation>Comparar planes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="174" />
            <source>Team statistics</source>
            <translation>Estadísticas de los equipos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="184" />
            <source>Neighbourhoods (units) of the plan</source>
            <translation>Barrios (unidades) del plan</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="187" />
            <location filename="../../assetmap/ui/territories_panel.py" line="188" />
            <source>Assign selected units to team</source>
            <translation>Asignar las unidades seleccionadas al equipo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="256" />
            <source>Name of the copy</source>
            <translation>Nombre de la copia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="257" />
            <source>{0} copy</source>
            <translation>Copia de {0}</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="264" />
            <source>New name</source>
            <translation>Nombre nuevo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="308" />
            <source>Balancing…</source>
            <translation>Equilibrando…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="308" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="309" />
            <source>Balancing progress</source>
            <translation>Progreso del equilibrado</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="321" />
            <source>Balancing cancelled; nothing was saved.</source>
            <translation>Equilibrado cancelado; no se guardó nada.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/territories_panel.py" line="381" />
            <source>Unassigned: {0}</source>
            <translation>Sin asignar: {0}</translation>
        </message>
        <message>
            <source>No plan yet: press New plan… to divide an areas layer among your teams, or Suggest balanced plan… to have a fair split proposed.</source>
            <translation>Aún no hay plan: pulse Nuevo plan… para repartir una capa de áreas entre sus equipos, o Sugerir plan equilibrado… para que se proponga un reparto justo.</translation>
        </message>
        <message>
            <source>New plan…</source>
            <translation>Nuevo plan…</translation>
        </message>
        <message>
            <source>New plan</source>
            <translation>Nuevo plan</translation>
        </message>
    </context>
    <context>
        <name>TextEditor</name>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="71" />
            <source>a whole number</source>
            <translation>un número entero</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/editors.py" line="73" />
            <source>a number</source>
            <translation>un número</translation>
        </message>
    </context>
    <context>
        <name>TileWidget</name>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="60" />
            <source>Show {title} in the dashboard</source>
            <translation>Mostrar {title} en el tablero</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_overview.py" line="61" />
            <source>Show this map in the dashboard</source>
            <translation>Mostrar este mapa en el tablero</translation>
        </message>
    </context>
    <context>
        <name>TrendChart</name>
        <message>
            <location filename="../../assetmap/ui/indicators_chart.py" line="36" />
            <source>Trend chart</source>
            <translation>Gráfico de tendencia</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_chart.py" line="37" />
            <source>The selected neighbourhood's value against the city over the periods</source>
            <translation>El valor del barrio seleccionado comparado con el de la ciudad a lo largo de los períodos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_chart.py" line="73" />
            <source>City-wide</source>
            <translation>Toda la ciudad</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/indicators_chart.py" line="80" />
            <source>Target</source>
            <translation>Meta</translation>
        </message>
    </context>
    <context>
        <name>Welcome</name>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="119" />
            <source>Save the new project as</source>
            <translation>Guardar el proyecto nuevo como</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="121" />
            <source>assetmap project (*.gpkg)</source>
            <translation>Proyecto de assetmap (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="132" />
            <source>New project</source>
            <translation>Proyecto nuevo</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="25" />
            <location filename="../../assetmap/ui/welcome.py" line="31" />
            <source>Welcome to assetmap</source>
            <translation>Bienvenido a assetmap</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="26" />
            <source>Welcome</source>
            <translation>Bienvenida</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="37" />
            <source>One map of your neighbourhoods: community assets, resource hubs, where reports concentrate, and the teams' territories. What would you like to do?</source>
            <translation>Un solo mapa de sus barrios: recursos comunitarios, centros de servicios, dónde se concentran los reportes y los territorios de los equipos. ¿Qué desea hacer?</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="43" />
            <source>Look around the demo project</source>
            <translation>Explorar el proyecto de demostración</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="44" />
            <source>Real St. Louis neighbourhoods, to try things out. Nothing you do there matters.</source>
            <translation>Barrios reales de St. Louis para probar. Nada de lo que haga allí tiene consecuencias.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="45" />
            <source>Start a project from my neighbourhood boundaries</source>
            <translation>Empezar un proyecto con los límites de mis barrios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="46" />
            <source>Choose the boundary file from your city's GIS office (shapefile, GeoJSON, GeoPackage).</source>
            <translation>Elija el archivo de límites de la oficina SIG de su ciudad (shapefile, GeoJSON, GeoPackage).</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="47" />
            <source>Join a survey (open a field package)</source>
            <translation>Unirse a una encuesta (abrir un paquete de campo)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="48" />
            <source>Your survey lead gave you a file: open it to enter what you find door to door.</source>
            <translation>Su coordinador le dio un archivo: ábralo para registrar lo que encuentre de puerta en puerta.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="49" />
            <source>Open a project I already have</source>
            <translation>Abrir un proyecto que ya tengo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="49" />
            <source>A .gpkg project file.</source>
            <translation>Un archivo de proyecto .gpkg.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="50" />
            <source>Open a shared project on a server</source>
            <translation>Abrir un proyecto compartido en un servidor</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="51" />
            <source>Your partnership keeps one project on a PostGIS server: you need its address, your user name and password.</source>
            <translation>Su alianza guarda un proyecto en un servidor PostGIS: necesita su dirección, su nombre de usuario y su contraseña.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="62" />
            <source>Recent projects</source>
            <translation>Proyectos recientes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="70" />
            <source>Open recent project %1</source>
            <translation>Abrir el proyecto reciente %1</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="74" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="75" />
            <source>Close without choosing</source>
            <translation>Cerrar sin elegir</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="96" />
            <source>Choose your neighbourhood boundaries</source>
            <translation>Elija los límites de sus barrios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="97" />
            <source>Boundaries (*.shp *.zip *.geojson *.json *.gpkg *.fgb *.kml)</source>
            <translation>Límites (*.shp *.zip *.geojson *.json *.gpkg *.fgb *.kml)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="98" />
            <source>Open your field package</source>
            <translation>Abra su paquete de campo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="98" />
            <source>Field package (*.gpkg)</source>
            <translation>Paquete de campo (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="99" />
            <source>Open a project</source>
            <translation>Abrir un proyecto</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="99" />
            <source>assetmap project (*.gpkg)</source>
            <translation>Proyecto de assetmap (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="47" />
            <source>Choose the boundary file from your city's GIS office (%1).</source>
            <translation>Elija el archivo de límites de la oficina SIG de su ciudad (%1).</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/welcome.py" line="99" />
            <source>Boundaries</source>
            <translation>Límites</translation>
        </message>
    </context>
    <context>
        <name>_FilePage</name>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="55" />
            <source>Report file and columns</source>
            <translation>Archivo de reportes y columnas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="57" />
            <location filename="../../assetmap/ui/reports_wizard.py" line="92" />
            <source>Report file</source>
            <translation>Archivo de reportes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="58" />
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="59" />
            <source>Browse for the report file</source>
            <translation>Buscar el archivo de reportes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="65" />
            <source>Child-maltreatment reports</source>
            <translation>Reportes de maltrato infantil</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="66" />
            <source>Domestic-violence reports</source>
            <translation>Reportes de violencia doméstica</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="69" />
            <source>year</source>
            <translation>año</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="69" />
            <source>quarter</source>
            <translation>trimestre</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="69" />
            <source>month</source>
            <translation>mes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="72" />
            <source>e.g. DOMESTIC (only rows whose column contains this)</source>
            <translation>p. ej. DOMESTIC (solo las filas cuya columna contiene esto)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="76" />
            <source>&amp;File (CSV)</source>
            <translation>&amp;Archivo (CSV)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="77" />
            <source>&amp;Kind</source>
            <translation>&amp;Tipo</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="77" />
            <source>Kind of reports</source>
            <translation>Tipo de reportes</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="78" />
            <source>Lon&amp;gitude / x column</source>
            <translation>Columna de lon&amp;gitud / x</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="78" />
            <source>Longitude or x column</source>
            <translation>Columna de longitud o x</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="79" />
            <source>La&amp;titude / y column</source>
            <translation>Columna de &amp;latitud / y</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="79" />
            <source>Latitude or y column</source>
            <translation>Columna de latitud o y</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="80" />
            <source>&amp;Date column</source>
            <translation>Columna de &amp;fecha</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="80" />
            <source>Date column</source>
            <translation>Columna de fecha</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="81" />
            <source>&amp;Period</source>
            <translation>&amp;Período</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="81" />
            <source>Period</source>
            <translation>Período</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="82" />
            <source>Keep rows &amp;where column</source>
            <translation>Conservar filas &amp;donde la columna</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="82" />
            <source>Keep rows where column</source>
            <translation>Conservar filas donde la columna</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="84" />
            <source>… &amp;contains</source>
            <translation>… &amp;contiene</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="84" />
            <source>Keep rows whose column contains</source>
            <translation>Conservar filas cuya columna contiene</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="93" />
            <source>CSV files</source>
            <translation>Archivos CSV</translation>
        </message>
    </context>
    <context>
        <name>_IntroPage</name>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="45" />
            <source>Sensitive data: what will and will not be stored</source>
            <translation>Datos sensibles: qué se guardará y qué no</translation>
        </message>
    </context>
    <context>
        <name>_UnitsPage</name>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="132" />
            <source>Units, privacy threshold and layer name</source>
            <translation>Unidades, umbral de privacidad y nombre de la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="139" />
            <source>Areas</source>
            <translation>Áreas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="140" />
            <source>Count per area</source>
            <translation>Conteo por área</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="141" />
            <source>Count per H3 hexagon, resolution</source>
            <translation>Conteo por hexágono H3, resolución</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="142" />
            <source>Count per hexagon of an own grid, width</source>
            <translation>Conteo por hexágono de una cuadrícula propia, ancho</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="143" />
            <source>Kernel density surface, bandwidth</source>
            <translation>Superficie de densidad kernel, ancho de banda</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="153" />
            <source>H3 resolution</source>
            <translation>Resolución H3</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="159" />
            <source>Hexagon width in metres</source>
            <translation>Ancho del hexágono en metros</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="165" />
            <source>Kernel bandwidth in metres</source>
            <translation>Ancho de banda del kernel en metros</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="166" />
            <source>At least 300 m: a narrower kernel would show where single reports are.</source>
            <translation>Al menos 300 m: un kernel más estrecho mostraría dónde está cada reporte.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="169" />
            <source>Kernel</source>
            <translation>Kernel</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="176" />
            <source>Population field (for rates)</source>
            <translation>Campo de población (para tasas)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="180" />
            <source>Withhold counts up to</source>
            <translation>Retener conteos hasta</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="1" />
            <source>The project's setting: every report layer withholds the same small counts.</source>
            <translation>Ajuste del proyecto: todas las capas de reportes retienen los mismos conteos pequeños.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="182" />
            <source>Layer name</source>
            <translation>Nombre de la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="183" />
            <source>automatic: KIND_by_AREAS</source>
            <translation>automático: KIND_by_AREAS</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="185" />
            <source>&amp;Areas</source>
            <translation>Ár&amp;eas</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="194" />
            <source>&amp;Population field (for rates)</source>
            <translation>&amp;Campo de población (para tasas)</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="195" />
            <source>&amp;Withhold counts from 1 to</source>
            <translation>&amp;Retener conteos de 1 a</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="196" />
            <source>Layer &amp;name</source>
            <translation>&amp;Nombre de la capa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="214" />
            <source>Stores a smoothed surface: reports per km² on square cells {0:g} m wide. A cell with 1–{1} reports within {2:g} m of its centre is withheld; the reports themselves are never stored.</source>
            <translation>Guarda una superficie suavizada: reportes por km² en celdas cuadradas de {0:g} m de lado. Una celda con 1–{1} reportes a menos de {2:g} m de su centro se retiene; los reportes en sí nunca se guardan.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="218" />
            <source>Stores the number of reports per hexagon, {0:g} m across, of a grid laid over the areas; counts 1–{1} are withheld.</source>
            <translation>Guarda el número de reportes por hexágono, de {0:g} m de ancho, de una cuadrícula colocada sobre las áreas; los conteos 1–{1} se retienen.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="221" />
            <source>Stores the number of reports per H3 hexagon touching the areas; counts 1–{0} are withheld.</source>
            <translation>Guarda el número de reportes por hexágono H3 que toca las áreas; los conteos 1–{0} se retienen.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/reports_wizard.py" line="224" />
            <source>Stores the number of reports per area (and rates); counts 1–{0} are withheld.</source>
            <translation>Guarda el número de reportes por área (y las tasas); los conteos 1–{0} se retienen.</translation>
        </message>
    </context>
    <context>
        <name>w</name>
        <message>
            <location filename="../../assetmap/ui/shared_project_dialog.py" line="169" />
            <source>Shared project on {0}: changes are saved to the server as you make them.</source>
            <translation>Proyecto compartido en {0}: los cambios se guardan en el servidor a medida que los hace.</translation>
        </message>
    </context>
    <context>
        <name>GeocodePage</name>
        <message>
            <source>Where the reports are</source>
            <translation>Dónde están los informes</translation>
        </message>
        <message>
            <source>By &amp;coordinates (the longitude / latitude columns)</source>
            <translation>Por &amp;coordenadas (las columnas de longitud / latitud)</translation>
        </message>
        <message>
            <source>By &amp;address, placed offline with a locator</source>
            <translation>Por &amp;dirección, ubicada sin conexión con un localizador</translation>
        </message>
        <message>
            <source>Addresses are matched on this computer; no address, position or match of a report is stored, only the counts.</source>
            <translation>Las direcciones se buscan en esta computadora; no se guarda ninguna dirección, posición ni coincidencia de un informe, solo los recuentos.</translation>
        </message>
        <message>
            <source>By address (add a locator first: no locator in this project)</source>
            <translation>Por dirección (primero agregue un localizador: este proyecto no tiene ninguno)</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Comprobando…</translation>
        </message>
        <message>
            <source>Checking the addresses</source>
            <translation>Comprobando las direcciones</translation>
        </message>
    </context>
    <context>
        <name>LocatorDialog</name>
        <message>
            <source>Add address locator</source>
            <translation>Agregar localizador de direcciones</translation>
        </message>
        <message>
            <source>Reference file</source>
            <translation>Archivo de referencia</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <source>Browse for the reference file</source>
            <translation>Buscar el archivo de referencia</translation>
        </message>
        <message>
            <source>e.g. city_addresses</source>
            <translation>p. ej. direcciones_ciudad</translation>
        </message>
        <message>
            <source>This file is published open data (allow incident-like columns)</source>
            <translation>Este archivo son datos abiertos publicados (permitir columnas de incidentes)</translation>
        </message>
        <message>
            <source>The file is published open data</source>
            <translation>El archivo son datos abiertos publicados</translation>
        </message>
        <message>
            <source>Public reference data only: an address list, parcels, or street centrelines with address ranges (TIGER/Line). Only street, number, ZIP and position are kept.</source>
            <translation>Solo datos públicos de referencia: una lista de direcciones, parcelas o ejes de calles con rangos de direcciones (TIGER/Line). Solo se guardan la calle, el número, el código postal y la posición.</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Nombre</translation>
        </message>
        <message>
            <source>Locator name</source>
            <translation>Nombre del localizador</translation>
        </message>
        <message>
            <source>House n&amp;umber column</source>
            <translation>Columna de n&amp;úmero de casa</translation>
        </message>
        <message>
            <source>House number column</source>
            <translation>Columna de número de casa</translation>
        </message>
        <message>
            <source>&amp;Street column</source>
            <translation>Columna de &amp;calle</translation>
        </message>
        <message>
            <source>Street column</source>
            <translation>Columna de calle</translation>
        </message>
        <message>
            <source>or one-line &amp;address column</source>
            <translation>o columna de &amp;dirección en una línea</translation>
        </message>
        <message>
            <source>Address column</source>
            <translation>Columna de dirección</translation>
        </message>
        <message>
            <source>Address lists and street lines</source>
            <translation>Listas de direcciones y ejes de calles</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ninguna)</translation>
        </message>
        <message>
            <source>Choose the reference file.</source>
            <translation>Elija el archivo de referencia.</translation>
        </message>
    </context>
    <context>
        <name>RiskMenu</name>
        <message>
            <source>Replace the layer?</source>
            <translation>¿Reemplazar la capa?</translation>
        </message>
        <message>
            <source>The project already has a layer named '{0}'. Replace it with the new result? Edit › Undo brings it back.</source>
            <translation>El proyecto ya tiene una capa llamada '{0}'. ¿Reemplazarla con el nuevo resultado? Editar › Deshacer la recupera.</translation>
        </message>
        <message>
            <source>Smoothed rates</source>
            <translation>Tasas suavizadas</translation>
        </message>
        <message>
            <source>Local clusters</source>
            <translation>Agrupamientos locales</translation>
        </message>
        <message>
            <source>Risk terrain</source>
            <translation>Terreno de riesgo</translation>
        </message>
        <message>
            <source>R&amp;isk</source>
            <translation>R&amp;iesgo</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <source>Layer name</source>
            <translation>Nombre de la capa</translation>
        </message>
        <message>
            <source>Layer of areas</source>
            <translation>Capa de áreas</translation>
        </message>
        <message>
            <source>Count field</source>
            <translation>Campo de conteo</translation>
        </message>
        <message>
            <source>Population field</source>
            <translation>Campo de población</translation>
        </message>
        <message>
            <source>Smoothing</source>
            <translation>Suavizado</translation>
        </message>
        <message>
            <source>towards the overall rate (empirical Bayes)</source>
            <translation>hacia la tasa global (Bayes empírico)</translation>
        </message>
        <message>
            <source>towards the neighbours' rate (spatial empirical Bayes)</source>
            <translation>hacia la tasa de las vecinas (Bayes empírico espacial)</translation>
        </message>
        <message>
            <source>Rates per 1,000 that don't shout about small populations: each area's rate is pulled towards the overall (or the neighbours') rate the fewer people live there. The excess risk (observed ÷ expected) comes with its exact 95 % interval. Report layers are smoothed when they are counted (--smooth).</source>
            <translation>Tasas por 1.000 que no exageran en poblaciones pequeñas: la tasa de cada área se acerca a la tasa global (o a la de sus vecinas) cuanto menos gente vive allí. El exceso de riesgo (observado ÷ esperado) viene con su intervalo exacto del 95 %. Las capas de reportes se suavizan al contarlas (--smooth).</translation>
        </message>
        <message>
            <source>Compare with the neighbours' values of</source>
            <translation>Comparar con los valores de las vecinas en</translation>
        </message>
        <message>
            <source>(nothing: one variable)</source>
            <translation>(nada: una variable)</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <source>Field of the other layer</source>
            <translation>Campo de la otra capa</translation>
        </message>
        <message>
            <source>Neighbours</source>
            <translation>Vecinas</translation>
        </message>
        <message>
            <source>areas sharing an edge or a corner (queen)</source>
            <translation>áreas que comparten un lado o una esquina (reina)</translation>
        </message>
        <message>
            <source>areas sharing an edge (rook)</source>
            <translation>áreas que comparten un lado (torre)</translation>
        </message>
        <message>
            <source>the k nearest areas</source>
            <translation>las k áreas más cercanas</translation>
        </message>
        <message>
            <source>areas within a distance</source>
            <translation>áreas a menos de una distancia</translation>
        </message>
        <message>
            <source>Number of nearest areas, or distance in metres</source>
            <translation>Número de áreas más cercanas, o distancia en metros</translation>
        </message>
        <message>
            <source>Permutations</source>
            <translation>Permutaciones</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Semilla</translation>
        </message>
        <message>
            <source>Control the false discovery rate (FDR)</source>
            <translation>Controlar la tasa de falsos descubrimientos (FDR)</translation>
        </message>
        <message>
            <source>Finds areas that are high among high neighbours (hot spots), low among low (cold spots), and outliers, with pseudo p-values from random permutations. Withheld report counts (1–10) enter at 5.5, as the map then says.</source>
            <translation>Encuentra áreas altas entre vecinas altas (puntos calientes), bajas entre bajas (puntos fríos) y atípicas, con pseudo valores p de permutaciones aleatorias. Los conteos ocultos (1–10) entran como 5,5, como indica luego el mapa.</translation>
        </message>
        <message>
            <source>Areas</source>
            <translation>Áreas</translation>
        </message>
        <message>
            <source>Risk factor layers</source>
            <translation>Capas de factores de riesgo</translation>
        </message>
        <message>
            <source>Training period's report file</source>
            <translation>Archivo de reportes del periodo de entrenamiento</translation>
        </message>
        <message>
            <source>Later period's report file (to validate)</source>
            <translation>Archivo de reportes de un periodo posterior (para validar)</translation>
        </message>
        <message>
            <source>e.g. description:CHILD (empty: every row)</source>
            <translation>p. ej. description:CHILD (vacío: todas las filas)</translation>
        </message>
        <message>
            <source>Rows to count</source>
            <translation>Filas a contar</translation>
        </message>
        <message>
            <source>Cell size</source>
            <translation>Tamaño de celda</translation>
        </message>
        <message>
            <source>Which public places go with more reports? The reports are counted per grid cell in memory and never stored; the model picks the factors that raise the risk, and the relative risk surface is drawn from those public layers only. With a later period it is compared with last period's hot spots (PAI).</source>
            <translation>¿Qué lugares públicos van con más reportes? Los reportes se cuentan por celda en memoria y nunca se guardan; el modelo elige los factores que aumentan el riesgo, y la superficie de riesgo relativo se dibuja solo con esas capas públicas. Con un periodo posterior se compara con los puntos calientes del periodo anterior (PAI).</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Elegir…</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Riesgo</translation>
        </message>
        <message>
            <source>Open or create a project first.</source>
            <translation>Primero abra o cree un proyecto.</translation>
        </message>
        <message>
            <source>Smoothing the rates</source>
            <translation>Suavizando las tasas</translation>
        </message>
        <message>
            <source>Permuting the neighbours</source>
            <translation>Permutando las vecinas</translation>
        </message>
        <message>
            <source>Relative risk of each factor, and the validation:</source>
            <translation>Riesgo relativo de cada factor, y la validación:</translation>
        </message>
        <message>
            <source>&amp;Smoothed rates…</source>
            <translation>Tasas &amp;suavizadas…</translation>
        </message>
        <message>
            <source>&amp;Local clusters (LISA)…</source>
            <translation>Agrupamientos &amp;locales (LISA)…</translation>
        </message>
        <message>
            <source>&amp;Risk terrain…</source>
            <translation>&amp;Terreno de riesgo…</translation>
        </message>
        <message>
            <source>Give the new layer another name.</source>
            <translation>Dé otro nombre a la capa nueva.</translation>
        </message>
        <message>
            <source>The project has no layer of areas with counts.</source>
            <translation>El proyecto no tiene una capa de áreas con conteos.</translation>
        </message>
        <message>
            <source>Import a table of areas with a count and a population first.</source>
            <translation>Primero importe una tabla de áreas con un conteo y una población.</translation>
        </message>
        <message>
            <source>Choose different fields for the count and the population.</source>
            <translation>Elija campos distintos para el conteo y la población.</translation>
        </message>
        <message>
            <source>Choose a layer of areas and a numeric field.</source>
            <translation>Elija una capa de áreas y un campo numérico.</translation>
        </message>
        <message>
            <source>Tick at least one risk factor layer.</source>
            <translation>Marque al menos una capa de factor de riesgo.</translation>
        </message>
        <message>
            <source>Choose the training period's report file.</source>
            <translation>Elija el archivo de reportes del periodo de entrenamiento.</translation>
        </message>
        <message>
            <source>The validation file does not exist.</source>
            <translation>El archivo de validación no existe.</translation>
        </message>
        <message>
            <source>&amp;Areas:</source>
            <translation>&amp;Áreas:</translation>
        </message>
        <message>
            <source>&amp;Count:</source>
            <translation>&amp;Conteo:</translation>
        </message>
        <message>
            <source>&amp;Population:</source>
            <translation>&amp;Población:</translation>
        </message>
        <message>
            <source>&amp;Smoothing:</source>
            <translation>&amp;Suavizado:</translation>
        </message>
        <message>
            <source>&amp;Layer name:</source>
            <translation>&amp;Nombre de la capa:</translation>
        </message>
        <message>
            <source>&amp;Field:</source>
            <translation>Ca&amp;mpo:</translation>
        </message>
        <message>
            <source>&amp;Bivariate, against:</source>
            <translation>&amp;Bivariado, frente a:</translation>
        </message>
        <message>
            <source>Its f&amp;ield:</source>
            <translation>Su ca&amp;mpo:</translation>
        </message>
        <message>
            <source>&amp;Neighbours:</source>
            <translation>&amp;Vecinas:</translation>
        </message>
        <message>
            <source>&amp;k or metres:</source>
            <translation>&amp;k o metros:</translation>
        </message>
        <message>
            <source>&amp;Permutations:</source>
            <translation>&amp;Permutaciones:</translation>
        </message>
        <message>
            <source>&amp;Seed:</source>
            <translation>&amp;Semilla:</translation>
        </message>
        <message>
            <source>La&amp;yer name:</source>
            <translation>No&amp;mbre de la capa:</translation>
        </message>
        <message>
            <source>Risk &amp;factors:</source>
            <translation>&amp;Factores de riesgo:</translation>
        </message>
        <message>
            <source>&amp;Training reports:</source>
            <translation>Reportes de &amp;entrenamiento:</translation>
        </message>
        <message>
            <source>&amp;Validation reports:</source>
            <translation>Reportes de &amp;validación:</translation>
        </message>
        <message>
            <source>&amp;Rows to count:</source>
            <translation>Filas a &amp;contar:</translation>
        </message>
        <message>
            <source>&amp;Cell size:</source>
            <translation>Tamaño de ce&amp;lda:</translation>
        </message>
        <message>
            <source>Choose {0}</source>
            <translation>Elegir {0}</translation>
        </message>
        <message>
            <source>Smoothed rates in layer '{0}'.</source>
            <translation>Tasas suavizadas en la capa '{0}'.</translation>
        </message>
        <message>
            <source>Layer '{0}': {1} hot spots, {2} cold spots, {3} outliers.</source>
            <translation>Capa '{0}': {1} puntos calientes, {2} puntos fríos, {3} atípicas.</translation>
        </message>
        <message>
            <source>Relative risk surface in layer '{0}'.</source>
            <translation>Superficie de riesgo relativo en la capa '{0}'.</translation>
        </message>
        <message>
            <source>The project already has a layer named '{0}'.</source>
            <translation>El proyecto ya tiene una capa llamada '{0}'.</translation>
        </message>
        <message>
            <source>Report file (*.csv)</source>
            <translation>Archivo de reportes (*.csv)</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Capa</translation>
        </message>
        <message>
            <source>&amp;Layer:</source>
            <translation>Ca&amp;pa:</translation>
        </message>
        <message>
            <source>&amp;Hot spots (Gi*)…</source>
            <translation>&amp;Puntos calientes (Gi*)…</translation>
        </message>
        <message>
            <source>Import sensitive reports first (File › Import sensitive reports…).</source>
            <translation>Importe primero los reportes sensibles (Archivo › Importar reportes sensibles…).</translation>
        </message>
        <message>
            <source>Finds areas whose reports, with their neighbours' (areas sharing an edge or a corner), are higher or lower than chance would give, at 90, 95 and 99 % confidence. Withheld counts (1–10) enter at 5.5, as the map then says.</source>
            <translation>Encuentra las áreas cuyos reportes, junto con los de sus vecinas (áreas que comparten un lado o una esquina), son más altos o más bajos de lo que daría el azar, con 90, 95 y 99 % de confianza. Los recuentos retenidos (1–10) entran como 5,5, como indica el mapa.</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Período:</translation>
        </message>
        <message>
            <source>Layer '{0}': {1} hot and {2} cold areas.</source>
            <translation>Capa '{0}': {1} áreas calientes y {2} frías.</translation>
        </message>
        <message>
            <source>All periods (total)</source>
            <translation>Todos los períodos (total)</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Período</translation>
        </message>
        <message>
            <source>Comparing each area with its neighbours</source>
            <translation>Comparando cada área con sus vecinas</translation>
        </message>
        <message>
            <source>The project has no report counts per area yet.</source>
            <translation>El proyecto aún no tiene recuentos de reportes por área.</translation>
        </message>
        <message>
            <source>Hot spots (Gi*)</source>
            <translation>Puntos calientes (Gi*)</translation>
        </message>
    </context>
    <context>
        <name>JoinDialog</name>
        <message>
            <source>Join a table to a layer</source>
            <translation>Unir una tabla a una capa</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Capa</translation>
        </message>
        <message>
            <source>&amp;Layer:</source>
            <translation>Ca&amp;pa:</translation>
        </message>
        <message>
            <source>Table file</source>
            <translation>Archivo de la tabla</translation>
        </message>
        <message>
            <source>CSV, Excel (.xlsx) or dBASE (.dbf)</source>
            <translation>CSV, Excel (.xlsx) o dBASE (.dbf)</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Examinar…</translation>
        </message>
        <message>
            <source>Choose the table file</source>
            <translation>Elegir el archivo de la tabla</translation>
        </message>
        <message>
            <source>&amp;Table:</source>
            <translation>&amp;Tabla:</translation>
        </message>
        <message>
            <source>Key field of the layer</source>
            <translation>Campo clave de la capa</translation>
        </message>
        <message>
            <source>Layer &amp;key:</source>
            <translation>C&amp;lave de la capa:</translation>
        </message>
        <message>
            <source>Key column of the table</source>
            <translation>Columna clave de la tabla</translation>
        </message>
        <message>
            <source>Table k&amp;ey:</source>
            <translation>Clave de la ta&amp;bla:</translation>
        </message>
        <message>
            <source>Join report</source>
            <translation>Informe de la unión</translation>
        </message>
        <message>
            <source>Keys are matched whatever their case, leading zeros or blanks, and with or without a census prefix such as 1400000US. The report of what matched appears here.</source>
            <translation>Las claves se emparejan sin importar mayúsculas, ceros a la izquierda o espacios, y con o sin un prefijo censal como 1400000US. Aquí aparece el informe de lo que coincidió.</translation>
        </message>
        <message>
            <source>&amp;Join</source>
            <translation>&amp;Unir</translation>
        </message>
        <message>
            <source>Join the table</source>
            <translation>Unir la tabla</translation>
        </message>
        <message>
            <source>Table to join</source>
            <translation>Tabla para unir</translation>
        </message>
        <message>
            <source>Tables (*.csv *.tsv *.txt *.xlsx *.dbf)</source>
            <translation>Tablas (*.csv *.tsv *.txt *.xlsx *.dbf)</translation>
        </message>
        <message>
            <source>Choose the layer, the table file and the key on each side.</source>
            <translation>Elija la capa, el archivo de la tabla y la clave de cada lado.</translation>
        </message>
        <message>
            <source>Reading {0}</source>
            <translation>Leyendo {0}</translation>
        </message>
        <message>
            <source>Matching keys</source>
            <translation>Emparejando claves</translation>
        </message>
        <message>
            <source>Joined {0}: {1} of {2} rows matched</source>
            <translation>Unido {0}: coincidieron {1} de {2} filas</translation>
        </message>
        <message>
            <source>Join table</source>
            <translation>Unir tabla</translation>
        </message>
        <message>
            <source>Open or create a project first, then join a table to one of its layers.</source>
            <translation>Abra o cree primero un proyecto; luego una una tabla a una de sus capas.</translation>
        </message>
        <message>
            <source>Sheet of the workbook</source>
            <translation>Hoja del libro de Excel</translation>
        </message>
        <message>
            <source>&amp;Sheet:</source>
            <translation>&amp;Hoja:</translation>
        </message>
        <message>
            <source>Text encoding of the table</source>
            <translation>Codificación del texto de la tabla</translation>
        </message>
        <message>
            <source>E&amp;ncoding:</source>
            <translation>Co&amp;dificación:</translation>
        </message>
        <message>
            <source>Automatic (UTF-8, else Windows-1252)</source>
            <translation>Automática (UTF-8; si no, Windows-1252)</translation>
        </message>
        <message>
            <source>Latin-1 (ISO-8859-1)</source>
            <translation>Latin-1 (ISO-8859-1)</translation>
        </message>
        <message>
            <source>Windows-1252 (Western European)</source>
            <translation>Windows-1252 (Europa occidental)</translation>
        </message>
    </context>
    <context>
        <name>RepeatInstance</name>
        <message>
            <location filename="../../assetmap/ui/survey/repeat_section.py" line="0" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
    </context>
    <context>
        <name>RepeatSection</name>
        <message>
            <location filename="../../assetmap/ui/survey/repeat_section.py" line="0" />
            <source>Add: %1</source>
            <translation>Añadir: %1</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/repeat_section.py" line="0" />
            <source>Add an entry to %1</source>
            <translation>Añadir una entrada a %1</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/repeat_section.py" line="0" />
            <source>Remove %1</source>
            <translation>Quitar %1</translation>
        </message>
    </context>
    <context>
        <name>NewPlanDialog</name>
        <message>
            <source>New territory plan</source>
            <translation>Nuevo plan de territorios</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>One name a line, in team order</source>
            <translation>Un nombre por línea, en el orden de los equipos</translation>
        </message>
        <message>
            <source>Plan &amp;name</source>
            <translation>&amp;Nombre del plan</translation>
        </message>
        <message>
            <source>Plan name</source>
            <translation>Nombre del plan</translation>
        </message>
        <message>
            <source>&amp;Areas</source>
            <translation>Á&amp;reas</translation>
        </message>
        <message>
            <source>Areas layer</source>
            <translation>Capa de áreas</translation>
        </message>
        <message>
            <source>&amp;Teams</source>
            <translation>&amp;Equipos</translation>
        </message>
        <message>
            <source>Number of teams</source>
            <translation>Número de equipos</translation>
        </message>
        <message>
            <source>&amp;Workload field</source>
            <translation>Campo de &amp;carga de trabajo</translation>
        </message>
        <message>
            <source>Workload field</source>
            <translation>Campo de carga de trabajo</translation>
        </message>
        <message>
            <source>Team na&amp;mes</source>
            <translation>Nombres de los e&amp;quipos</translation>
        </message>
        <message>
            <source>Team names, one a line</source>
            <translation>Nombres de los equipos, uno por línea</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <source>This project has no areas layer yet: import your neighbourhood boundaries (File › Import layer, as 'areas') first.</source>
            <translation>Este proyecto aún no tiene capa de áreas: importe primero los límites de sus barrios (Archivo › Importar capa, como 'areas').</translation>
        </message>
        <message>
            <source>(none: count the areas)</source>
            <translation>(ninguno: contar las áreas)</translation>
        </message>
        <message>
            <source>There is already a plan named '{0}'.</source>
            <translation>Ya hay un plan llamado '{0}'.</translation>
        </message>
        <message>
            <source>Choose another name.</source>
            <translation>Elija otro nombre.</translation>
        </message>
        <message>
            <source>Choose the areas the plan divides among the teams.</source>
            <translation>Elija las áreas que el plan reparte entre los equipos.</translation>
        </message>
        <message>
            <source>{0} team names for {1} teams.</source>
            <translation>{0} nombres de equipo para {1} equipos.</translation>
        </message>
        <message>
            <source>Give one name a line, or raise the number of teams.</source>
            <translation>Escriba un nombre por línea, o aumente el número de equipos.</translation>
        </message>
        <message>
            <source>Two teams can't share a name: {0}.</source>
            <translation>Dos equipos no pueden tener el mismo nombre: {0}.</translation>
        </message>
    </context>
    <context>
        <name>Sensitivity</name>
        <message>
            <location filename="../../assetmap/ui/sensitivity_icons.py" line="1" />
            <source>Public: may go into field packages, exports and every map.</source>
            <translation>Pública: puede ir en paquetes de campo, exportaciones y cualquier mapa.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/sensitivity_icons.py" line="1" />
            <source>Internal: office only (made from sensitive reports). Never in a field package or a volunteer's view.</source>
            <translation>Interna: solo para la oficina (hecha a partir de reportes sensibles). Nunca en un paquete de campo ni en la vista de un voluntario.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/sensitivity_icons.py" line="1" />
            <source>Confidential: never drawn, exported or packaged.</source>
            <translation>Confidencial: nunca se dibuja, exporta ni empaqueta.</translation>
        </message>
    </context>
    <context>
        <name>MapTools</name>
        <message>
            <location filename="../../assetmap/ui/map_tools.py" line="65" />
            <source>Identify</source>
            <translation>Identificar</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_tools.py" line="65" />
            <source>click a feature to see its attributes</source>
            <translation>haga clic en un elemento para ver sus atributos</translation>
        </message>
    </context>
    <context>
        <name>ToolStatus</name>
        <message>
            <source>&amp;Identify</source>
            <translation>&amp;Identificar</translation>
        </message>
        <message>
            <source>Click a feature on the map to see its attributes</source>
            <translation>Haga clic en un elemento del mapa para ver sus atributos</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_tools.py" line="146" />
            <source>Active map tool</source>
            <translation>Herramienta activa del mapa</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_tools.py" line="157" />
            <source>Tool: %1</source>
            <translation>Herramienta: %1</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/map_tools.py" line="161" />
            <source>(Esc: back to Identify)</source>
            <translation>(Esc: volver a Identificar)</translation>
        </message>
    </context>
    <context>
        <name>ReferenceChooser</name>
        <message>
            <location filename="../../assetmap/ui/survey/reference_layer.py" line="0" />
            <source>Streets shown to volunteers</source>
            <translation>Calles que ven los voluntarios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/reference_layer.py" line="0" />
            <source>(no street layer)</source>
            <translation>(sin capa de calles)</translation>
        </message>
    </context>
    <context>
        <name>ReferenceDialog</name>
        <message>
            <location filename="../../assetmap/ui/survey/reference_layer.py" line="0" />
            <source>Streets for volunteers</source>
            <translation>Calles para los voluntarios</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/reference_layer.py" line="0" />
            <source>Volunteers see their own blocks in survey mode. A street layer drawn under them helps them find the door they are at before they pick it on the map. Field packages made from now on carry it.</source>
            <translation>Los voluntarios ven sus propias manzanas en el modo encuesta. Una capa de calles dibujada debajo les ayuda a encontrar la puerta en la que están antes de marcarla en el mapa. Los paquetes de campo que se preparen a partir de ahora la llevan.</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/reference_layer.py" line="0" />
            <source>The project has no public line layer yet: import a street file (File › Import) first.</source>
            <translation>El proyecto aún no tiene ninguna capa pública de líneas: importe primero un archivo de calles (Archivo › Importar).</translation>
        </message>
        <message>
            <location filename="../../assetmap/ui/survey/reference_layer.py" line="0" />
            <source>&amp;Street layer:</source>
            <translation>Capa de &amp;calles:</translation>
        </message>
    </context>
    <context>
        <name>chooser</name>
        <message>
            <source>Can't show this layer to volunteers</source>
            <translation>No se puede mostrar esta capa a los voluntarios</translation>
        </message>
        <message>
            <source>Volunteers will see “%1” under their blocks.</source>
            <translation>Los voluntarios verán «%1» bajo sus manzanas.</translation>
        </message>
        <message>
            <source>Volunteers will see no street layer.</source>
            <translation>Los voluntarios no verán ninguna capa de calles.</translation>
        </message>
    </context>
    <context>
        <name>AddressImportDialog</name>
        <message>
            <source>Import {0}: place by address</source>
            <translation>Importar {0}: ubicar por dirección</translation>
        </message>
        <message>
            <source>{0} has no longitude/latitude columns. Its addresses can be placed on this computer with a locator of the project (nothing is sent anywhere).</source>
            <translation>{0} no tiene columnas de longitud/latitud. Sus direcciones pueden ubicarse en esta computadora con un localizador del proyecto (no se envía nada a ninguna parte).</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Importar</translation>
        </message>
        <message>
            <source>Import the placed addresses</source>
            <translation>Importar las direcciones ubicadas</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Comprobando…</translation>
        </message>
        <message>
            <source>Checking the addresses</source>
            <translation>Comprobando las direcciones</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importar</translation>
        </message>
        <message>
            <source>import {0} by address</source>
            <translation>importar {0} por dirección</translation>
        </message>
    </context>
    <context>
        <name>SurveyGeocode</name>
        <message>
            <source>Import survey export</source>
            <translation>Importar exportación de encuesta</translation>
        </message>
        <message>
            <source>Leave rows without a location as they are</source>
            <translation>Dejar las filas sin ubicación como están</translation>
        </message>
        <message>
            <source>Rows without a GPS location: place them (offline) from the typed address in the column</source>
            <translation>Filas sin ubicación GPS: ubicarlas (sin conexión) a partir de la dirección escrita en la columna</translation>
        </message>
        <message>
            <source>with the locator</source>
            <translation>con el localizador</translation>
        </message>
        <message>
            <source>No ZIP column (a ZIP typed in the address still counts)</source>
            <translation>Sin columna de código postal (un código postal escrito en la dirección sigue contando)</translation>
        </message>
        <message>
            <source>ZIP code column (chooses between streets of the same name in two places)</source>
            <translation>Columna del código postal (elige entre calles del mismo nombre en dos lugares)</translation>
        </message>
    </context>
    <context>
        <name>AddressFields</name>
        <message>
            <source>C&amp;heck the addresses</source>
            <translation>C&amp;omprobar las direcciones</translation>
        </message>
        <message>
            <source>Check the addresses (nothing is stored)</source>
            <translation>Comprobar las direcciones (no se guarda nada)</translation>
        </message>
        <message>
            <source>&amp;Locator</source>
            <translation>&amp;Localizador</translation>
        </message>
        <message>
            <source>Locator</source>
            <translation>Localizador</translation>
        </message>
        <message>
            <source>One-line a&amp;ddress column</source>
            <translation>Columna de d&amp;irección en una línea</translation>
        </message>
        <message>
            <source>Address column</source>
            <translation>Columna de dirección</translation>
        </message>
        <message>
            <source>or house &amp;number column</source>
            <translation>o columna de &amp;número de casa</translation>
        </message>
        <message>
            <source>House number column</source>
            <translation>Columna de número de casa</translation>
        </message>
        <message>
            <source>and &amp;street column</source>
            <translation>y columna de &amp;calle</translation>
        </message>
        <message>
            <source>Street column</source>
            <translation>Columna de calle</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ninguna)</translation>
        </message>
        <message>
            <source>Chooses between streets of the same name in two ZIPs; where it is blank, a ZIP typed at the end of the address still counts.</source>
            <translation>Elige entre calles del mismo nombre en dos códigos postales; donde está vacía, sigue contando un código postal escrito al final de la dirección.</translation>
        </message>
        <message>
            <source>&amp;ZIP code column (optional)</source>
            <translation>Columna de código &amp;postal (opcional)</translation>
        </message>
        <message>
            <source>ZIP code column</source>
            <translation>Columna de código postal</translation>
        </message>
        <message>
            <source>No ZIP column</source>
            <translation>Sin columna de código postal</translation>
        </message>
        <message>
            <source>address '{0}'</source>
            <translation>dirección '{0}'</translation>
        </message>
        <message>
            <source>house number '{0}', street '{1}'</source>
            <translation>número de casa '{0}', calle '{1}'</translation>
        </message>
        <message>
            <source>ZIP '{0}'</source>
            <translation>código postal '{0}'</translation>
        </message>
        <message>
            <source>no ZIP column</source>
            <translation>sin columna de código postal</translation>
        </message>
        <message>
            <source>Columns: {0}; {1}.</source>
            <translation>Columnas: {0}; {1}.</translation>
        </message>
    </context>
</TS>