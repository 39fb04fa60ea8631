<%@ tag pageEncoding="UTF-8" trimDirectiveWhitespaces="true" body-content="scriptless" %>
<%@ attribute name="action" required="true" %>
<%@ attribute name="css" required="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<form method="post" action="<c:out value='${pageContext.request.contextPath}${action}'/>"<c:if test="${not empty css}"> class="<c:out value='${css}'/>"</c:if>>
<input type="hidden" name="csrf" value="<c:out value='${console.csrf()}'/>">
<jsp:doBody/>
</form>
